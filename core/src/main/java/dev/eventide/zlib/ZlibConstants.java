package dev.eventide.zlib;

/**
 * Node's {@code zlib.constants} (the zlib part; Brotli lives in an optional module), with
 * Node 20's names and numeric values. Constants only; usable from any thread.
 */
public final class ZlibConstants {
    private ZlibConstants() {}

    // Flush values, passed to write/flush and as the flush/finishFlush options.
    public static final int Z_NO_FLUSH = 0;
    public static final int Z_PARTIAL_FLUSH = 1;
    public static final int Z_SYNC_FLUSH = 2;
    public static final int Z_FULL_FLUSH = 3;
    public static final int Z_FINISH = 4;
    public static final int Z_BLOCK = 5;

    // Return codes; the negative ones are the errno of a ZlibError.
    public static final int Z_OK = 0;
    public static final int Z_STREAM_END = 1;
    public static final int Z_NEED_DICT = 2;
    public static final int Z_ERRNO = -1;
    public static final int Z_STREAM_ERROR = -2;
    public static final int Z_DATA_ERROR = -3;
    public static final int Z_MEM_ERROR = -4;
    public static final int Z_BUF_ERROR = -5;
    public static final int Z_VERSION_ERROR = -6;

    // Compression levels.
    public static final int Z_NO_COMPRESSION = 0;
    public static final int Z_BEST_SPEED = 1;
    public static final int Z_BEST_COMPRESSION = 9;
    public static final int Z_DEFAULT_COMPRESSION = -1;

    // Strategies.
    public static final int Z_FILTERED = 1;
    public static final int Z_HUFFMAN_ONLY = 2;
    public static final int Z_RLE = 3;
    public static final int Z_FIXED = 4;
    public static final int Z_DEFAULT_STRATEGY = 0;

    /** The zlib version Node 20 reports (1.3.0.1 as 0x1310); the JDK's own zlib may differ. */
    public static final int ZLIB_VERNUM = 4880;

    // Modes, as ZlibMode.code().
    public static final int DEFLATE = 1;
    public static final int INFLATE = 2;
    public static final int GZIP = 3;
    public static final int GUNZIP = 4;
    public static final int DEFLATERAW = 5;
    public static final int INFLATERAW = 6;
    public static final int UNZIP = 7;

    // Option ranges and defaults (Z_MAX_CHUNK is Infinity in Node: no upper bound).
    public static final int Z_MIN_WINDOWBITS = 8;
    public static final int Z_MAX_WINDOWBITS = 15;
    public static final int Z_DEFAULT_WINDOWBITS = 15;
    public static final int Z_MIN_CHUNK = 64;
    public static final int Z_DEFAULT_CHUNK = 16 * 1024;
    public static final int Z_MIN_MEMLEVEL = 1;
    public static final int Z_MAX_MEMLEVEL = 9;
    public static final int Z_DEFAULT_MEMLEVEL = 8;
    public static final int Z_MIN_LEVEL = -1;
    public static final int Z_MAX_LEVEL = 9;
    public static final int Z_DEFAULT_LEVEL = Z_DEFAULT_COMPRESSION;
}
