package dev.eventide.zlib;

/**
 * The seven zlib codecs of Node, with Node's mode numbers ({@code zlib.constants.DEFLATE}...).
 * Immutable.
 */
public enum ZlibMode {
    DEFLATE(ZlibConstants.DEFLATE, true),
    INFLATE(ZlibConstants.INFLATE, false),
    GZIP(ZlibConstants.GZIP, true),
    GUNZIP(ZlibConstants.GUNZIP, false),
    DEFLATERAW(ZlibConstants.DEFLATERAW, true),
    INFLATERAW(ZlibConstants.INFLATERAW, false),
    /** Decompresses gzip or zlib, chosen by the first two bytes. */
    UNZIP(ZlibConstants.UNZIP, false);

    private final int code;
    private final boolean compresses;

    ZlibMode(int code, boolean compresses) {
        this.code = code;
        this.compresses = compresses;
    }

    /** Node's numeric mode. */
    public int code() {
        return code;
    }

    public boolean compresses() {
        return compresses;
    }

    /** Node's class name for a stream in this mode (Gzip, InflateRaw...). */
    public String className() {
        return switch (this) {
            case DEFLATE -> "Deflate";
            case INFLATE -> "Inflate";
            case GZIP -> "Gzip";
            case GUNZIP -> "Gunzip";
            case DEFLATERAW -> "DeflateRaw";
            case INFLATERAW -> "InflateRaw";
            case UNZIP -> "Unzip";
        };
    }
}
