package dev.eventide.stream;

import dev.eventide.events.AbortSignal;
import java.util.List;

/**
 * The options object of Node's stream constructors, as a fluent builder:
 * {@code new WritableStream(new StreamOptions().objectMode(true).write((c, enc, cb) -> ...))}.
 * Unset values take Node's defaults. Mutable; read once by the constructor, on its thread.
 */
public final class StreamOptions {
    /** {@code read(size)}; {@code self} is the stream, JavaScript's {@code this}. */
    @FunctionalInterface
    public interface ReadFn {
        void read(ReadableStream self, int size) throws Exception;
    }

    /** {@code write(chunk, encoding, callback)}. */
    @FunctionalInterface
    public interface WriteFn {
        void write(Object chunk, String encoding, StreamCallback callback) throws Exception;
    }

    /** {@code writev(chunks, callback)}. */
    @FunctionalInterface
    public interface WritevFn {
        void writev(List<StreamChunk> chunks, StreamCallback callback) throws Exception;
    }

    /** {@code final(callback)} and {@code construct(callback)}. */
    @FunctionalInterface
    public interface FinalFn {
        void run(StreamCallback callback) throws Exception;
    }

    /** {@code destroy(err, callback)}. */
    @FunctionalInterface
    public interface DestroyFn {
        void destroy(Throwable err, StreamCallback callback) throws Exception;
    }

    /** {@code transform(chunk, encoding, callback)}; {@code self} is the stream. */
    @FunctionalInterface
    public interface TransformFn {
        void transform(TransformStream self, Object chunk, String encoding, TransformCallback callback)
                throws Exception;
    }

    /** {@code flush(callback)}; {@code self} is the stream. */
    @FunctionalInterface
    public interface FlushFn {
        void flush(TransformStream self, TransformCallback callback) throws Exception;
    }

    Boolean objectMode;
    Boolean readableObjectMode;
    Boolean writableObjectMode;
    Integer highWaterMark;
    Integer readableHighWaterMark;
    Integer writableHighWaterMark;
    String encoding;
    String defaultEncoding;
    boolean decodeStrings = true;
    boolean emitClose = true;
    boolean autoDestroy = true;
    boolean allowHalfOpen = true;
    boolean readable = true;
    boolean writable = true;
    ReadFn read;
    WriteFn write;
    WritevFn writev;
    FinalFn finalFn;
    FinalFn construct;
    DestroyFn destroy;
    TransformFn transform;
    FlushFn flush;
    AbortSignal signal;

    public StreamOptions objectMode(boolean on) {
        objectMode = on;
        return this;
    }

    public StreamOptions readableObjectMode(boolean on) {
        readableObjectMode = on;
        return this;
    }

    public StreamOptions writableObjectMode(boolean on) {
        writableObjectMode = on;
        return this;
    }

    /** Bytes (or objects in object mode) to buffer before backpressure; 0 is allowed. */
    public StreamOptions highWaterMark(int n) {
        highWaterMark = n;
        return this;
    }

    public StreamOptions readableHighWaterMark(int n) {
        readableHighWaterMark = n;
        return this;
    }

    public StreamOptions writableHighWaterMark(int n) {
        writableHighWaterMark = n;
        return this;
    }

    /** Readable side: decode bytes to strings in this encoding (as setEncoding). */
    public StreamOptions encoding(String enc) {
        encoding = enc;
        return this;
    }

    public StreamOptions defaultEncoding(String enc) {
        defaultEncoding = enc;
        return this;
    }

    /** Writable side: whether strings are turned into bytes before _write (default true). */
    public StreamOptions decodeStrings(boolean on) {
        decodeStrings = on;
        return this;
    }

    public StreamOptions emitClose(boolean on) {
        emitClose = on;
        return this;
    }

    public StreamOptions autoDestroy(boolean on) {
        autoDestroy = on;
        return this;
    }

    /** Duplex: false ends the writable side when the readable side ends. */
    public StreamOptions allowHalfOpen(boolean on) {
        allowHalfOpen = on;
        return this;
    }

    /** Duplex: false makes the readable side ended from the start. */
    public StreamOptions readable(boolean on) {
        readable = on;
        return this;
    }

    /** Duplex: false makes the writable side finished from the start. */
    public StreamOptions writable(boolean on) {
        writable = on;
        return this;
    }

    public StreamOptions read(ReadFn fn) {
        read = fn;
        return this;
    }

    public StreamOptions write(WriteFn fn) {
        write = fn;
        return this;
    }

    public StreamOptions writev(WritevFn fn) {
        writev = fn;
        return this;
    }

    /** Node's {@code final} option ({@code final} is a Java keyword). */
    public StreamOptions finalFn(FinalFn fn) {
        finalFn = fn;
        return this;
    }

    /** Node's {@code construct} option: runs before any _read/_write/_final. */
    public StreamOptions construct(FinalFn fn) {
        construct = fn;
        return this;
    }

    public StreamOptions destroy(DestroyFn fn) {
        destroy = fn;
        return this;
    }

    public StreamOptions transform(TransformFn fn) {
        transform = fn;
        return this;
    }

    public StreamOptions flush(FlushFn fn) {
        flush = fn;
        return this;
    }

    /** Node's {@code signal} option: aborting it destroys the stream with an AbortError. */
    public StreamOptions signal(AbortSignal s) {
        signal = s;
        return this;
    }

    StreamOptions copy() {
        StreamOptions o = new StreamOptions();
        o.objectMode = objectMode;
        o.readableObjectMode = readableObjectMode;
        o.writableObjectMode = writableObjectMode;
        o.highWaterMark = highWaterMark;
        o.readableHighWaterMark = readableHighWaterMark;
        o.writableHighWaterMark = writableHighWaterMark;
        o.encoding = encoding;
        o.defaultEncoding = defaultEncoding;
        o.decodeStrings = decodeStrings;
        o.emitClose = emitClose;
        o.autoDestroy = autoDestroy;
        o.allowHalfOpen = allowHalfOpen;
        o.readable = readable;
        o.writable = writable;
        o.read = read;
        o.write = write;
        o.writev = writev;
        o.finalFn = finalFn;
        o.construct = construct;
        o.destroy = destroy;
        o.transform = transform;
        o.flush = flush;
        o.signal = signal;
        return o;
    }
}
