package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibMode.*;

import dev.eventide.buffer.Bytes;
import dev.eventide.promise.Promise;

/**
 * Node's {@code zlib} module: gzip, deflate and raw deflate with their inverses and unzip, as
 * Transform streams ({@link ZlibTransform}, made and used on a loop thread), Promise forms (run on the worker pool, settled on the caller's loop thread), sync forms (on
 * the caller's thread), incremental codecs, and {@code crc32}. Stateless; the Promise forms must
 * be called on a loop thread, the others from any thread.
 *
 * <p>Strings are compressed as UTF-8, as Node does. Decompression in the buffer forms stops with
 * ERR_BUFFER_TOO_LARGE past {@code maxOutputLength} (default: the largest Bytes Java can make,
 * 2147483639 bytes, where Node's is 2^32), and bad input ends in a {@link ZlibError} with
 * Node's code, errno and message. The buffer forms run on libdeflate where it is installed and
 * native access is enabled, with the same results and errors (see NativeZlib).
 */
public final class Zlib {
    private Zlib() {}

    // ---- streams (loop thread) ----

    public static ZlibTransform createGzip() {
        return new ZlibTransform(GZIP, null);
    }

    public static ZlibTransform createGzip(ZlibOptions options) {
        return new ZlibTransform(GZIP, options);
    }

    public static ZlibTransform createGunzip() {
        return new ZlibTransform(GUNZIP, null);
    }

    public static ZlibTransform createGunzip(ZlibOptions options) {
        return new ZlibTransform(GUNZIP, options);
    }

    public static ZlibTransform createDeflate() {
        return new ZlibTransform(DEFLATE, null);
    }

    public static ZlibTransform createDeflate(ZlibOptions options) {
        return new ZlibTransform(DEFLATE, options);
    }

    public static ZlibTransform createInflate() {
        return new ZlibTransform(INFLATE, null);
    }

    public static ZlibTransform createInflate(ZlibOptions options) {
        return new ZlibTransform(INFLATE, options);
    }

    public static ZlibTransform createDeflateRaw() {
        return new ZlibTransform(DEFLATERAW, null);
    }

    public static ZlibTransform createDeflateRaw(ZlibOptions options) {
        return new ZlibTransform(DEFLATERAW, options);
    }

    public static ZlibTransform createInflateRaw() {
        return new ZlibTransform(INFLATERAW, null);
    }

    public static ZlibTransform createInflateRaw(ZlibOptions options) {
        return new ZlibTransform(INFLATERAW, options);
    }

    public static ZlibTransform createUnzip() {
        return new ZlibTransform(UNZIP, null);
    }

    public static ZlibTransform createUnzip(ZlibOptions options) {
        return new ZlibTransform(UNZIP, options);
    }

    // ---- incremental codecs ----

    /** A codec for {@code mode}: feed input, receive output chunks (see {@link ZlibCodec}). */
    public static ZlibCodec createCodec(ZlibMode mode, ZlibOptions options) {
        return ZlibCodec.create(mode, options);
    }

    // ---- sync forms ----

    public static Bytes gzipSync(Bytes data) {
        return ZlibBuffers.sync(GZIP, data, null);
    }

    public static Bytes gzipSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(GZIP, data, options);
    }

    public static Bytes gzipSync(String data) {
        return ZlibBuffers.sync(GZIP, data, null);
    }

    public static Bytes gzipSync(String data, ZlibOptions options) {
        return ZlibBuffers.sync(GZIP, data, options);
    }

    public static Bytes gunzipSync(Bytes data) {
        return ZlibBuffers.sync(GUNZIP, data, null);
    }

    public static Bytes gunzipSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(GUNZIP, data, options);
    }

    public static Bytes deflateSync(Bytes data) {
        return ZlibBuffers.sync(DEFLATE, data, null);
    }

    public static Bytes deflateSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(DEFLATE, data, options);
    }

    public static Bytes deflateSync(String data) {
        return ZlibBuffers.sync(DEFLATE, data, null);
    }

    public static Bytes deflateSync(String data, ZlibOptions options) {
        return ZlibBuffers.sync(DEFLATE, data, options);
    }

    public static Bytes inflateSync(Bytes data) {
        return ZlibBuffers.sync(INFLATE, data, null);
    }

    public static Bytes inflateSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(INFLATE, data, options);
    }

    public static Bytes deflateRawSync(Bytes data) {
        return ZlibBuffers.sync(DEFLATERAW, data, null);
    }

    public static Bytes deflateRawSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(DEFLATERAW, data, options);
    }

    public static Bytes deflateRawSync(String data) {
        return ZlibBuffers.sync(DEFLATERAW, data, null);
    }

    public static Bytes deflateRawSync(String data, ZlibOptions options) {
        return ZlibBuffers.sync(DEFLATERAW, data, options);
    }

    public static Bytes inflateRawSync(Bytes data) {
        return ZlibBuffers.sync(INFLATERAW, data, null);
    }

    public static Bytes inflateRawSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(INFLATERAW, data, options);
    }

    public static Bytes unzipSync(Bytes data) {
        return ZlibBuffers.sync(UNZIP, data, null);
    }

    public static Bytes unzipSync(Bytes data, ZlibOptions options) {
        return ZlibBuffers.sync(UNZIP, data, options);
    }

    // ---- Promise forms (worker pool) ----

    public static Promise<Bytes> gzip(Bytes data) {
        return ZlibBuffers.async(GZIP, data, null);
    }

    public static Promise<Bytes> gzip(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(GZIP, data, options);
    }

    public static Promise<Bytes> gzip(String data) {
        return ZlibBuffers.async(GZIP, data, null);
    }

    public static Promise<Bytes> gzip(String data, ZlibOptions options) {
        return ZlibBuffers.async(GZIP, data, options);
    }

    public static Promise<Bytes> gunzip(Bytes data) {
        return ZlibBuffers.async(GUNZIP, data, null);
    }

    public static Promise<Bytes> gunzip(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(GUNZIP, data, options);
    }

    public static Promise<Bytes> deflate(Bytes data) {
        return ZlibBuffers.async(DEFLATE, data, null);
    }

    public static Promise<Bytes> deflate(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(DEFLATE, data, options);
    }

    public static Promise<Bytes> deflate(String data) {
        return ZlibBuffers.async(DEFLATE, data, null);
    }

    public static Promise<Bytes> deflate(String data, ZlibOptions options) {
        return ZlibBuffers.async(DEFLATE, data, options);
    }

    public static Promise<Bytes> inflate(Bytes data) {
        return ZlibBuffers.async(INFLATE, data, null);
    }

    public static Promise<Bytes> inflate(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(INFLATE, data, options);
    }

    public static Promise<Bytes> deflateRaw(Bytes data) {
        return ZlibBuffers.async(DEFLATERAW, data, null);
    }

    public static Promise<Bytes> deflateRaw(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(DEFLATERAW, data, options);
    }

    public static Promise<Bytes> deflateRaw(String data) {
        return ZlibBuffers.async(DEFLATERAW, data, null);
    }

    public static Promise<Bytes> deflateRaw(String data, ZlibOptions options) {
        return ZlibBuffers.async(DEFLATERAW, data, options);
    }

    public static Promise<Bytes> inflateRaw(Bytes data) {
        return ZlibBuffers.async(INFLATERAW, data, null);
    }

    public static Promise<Bytes> inflateRaw(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(INFLATERAW, data, options);
    }

    public static Promise<Bytes> unzip(Bytes data) {
        return ZlibBuffers.async(UNZIP, data, null);
    }

    public static Promise<Bytes> unzip(Bytes data, ZlibOptions options) {
        return ZlibBuffers.async(UNZIP, data, options);
    }

    // ---- checksums ----

    /** Node 20.15's zlib.crc32(data): the CRC-32 of the bytes, 0 .. 2^32-1. */
    public static long crc32(Bytes data) {
        return crc32(data, 0);
    }

    /** Node's zlib.crc32(data, value): continues a CRC-32 that {@code value} holds. */
    public static long crc32(Bytes data, long value) {
        if (data == null) {
            throw ZlibErrors.invalidType("data", "of type string or an instance of Buffer, TypedArray, or DataView", null);
        }
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw ZlibErrors.outOfRange("value", ">= 0 && <= 4294967295", value);
        }
        return Checksums.crc32(data.array(), data.byteOffset(), data.length(), value);
    }

    /** The CRC-32 of the string's UTF-8 bytes, as Node. */
    public static long crc32(String data) {
        return crc32(data, 0);
    }

    public static long crc32(String data, long value) {
        return crc32(data == null ? null : Bytes.from(data), value);
    }
}
