package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;

/**
 * Node's stream.Duplex: a readable stream with an independent writable side (a socket).
 * Override {@code _read} and {@code _write}, or give them as options. With
 * {@code allowHalfOpen(false)} the writable side ends when the readable side does. Loop thread
 * only.
 */
public class DuplexStream extends ReadableStream {
    /** Node's allowHalfOpen: whether the writable side stays open after 'end'. */
    private final boolean allowHalfOpen;

    public DuplexStream(StreamOptions options) {
        super(options, true);
        writableState = new WritableState(this.options, true);
        allowHalfOpen = this.options.allowHalfOpen;
        if (!this.options.readable) {
            readableState.readable = false;
            readableState.ended = true;
            readableState.endEmitted = true;
        }
        if (!this.options.writable) {
            writableState.writable = false;
            writableState.ending = true;
            writableState.ended = true;
            writableState.finished = true;
        }
        applySignal();
        Construct.start(this);
    }

    public DuplexStream() {
        this(null);
    }

    @Override
    boolean allowHalfOpen() {
        return allowHalfOpen;
    }

    public boolean write(Object chunk) {
        return WritableLogic.write(this, chunk, null, null) == Boolean.TRUE;
    }

    public boolean write(Object chunk, StreamCallback cb) {
        return WritableLogic.write(this, chunk, null, cb) == Boolean.TRUE;
    }

    public boolean write(Object chunk, String encoding, StreamCallback cb) {
        return WritableLogic.write(this, chunk, encoding, cb) == Boolean.TRUE;
    }

    public DuplexStream end() {
        WritableLogic.end(this, null, null, null);
        return this;
    }

    public DuplexStream end(StreamCallback cb) {
        WritableLogic.end(this, null, null, cb);
        return this;
    }

    public DuplexStream end(Object chunk) {
        WritableLogic.end(this, chunk, null, null);
        return this;
    }

    public DuplexStream end(Object chunk, StreamCallback cb) {
        WritableLogic.end(this, chunk, null, cb);
        return this;
    }

    public DuplexStream end(Object chunk, String encoding, StreamCallback cb) {
        WritableLogic.end(this, chunk, encoding, cb);
        return this;
    }

    public void cork() {
        writableState.corked++;
    }

    public void uncork() {
        WritableLogic.uncork(this);
    }

    public DuplexStream setDefaultEncoding(String encoding) {
        String enc = encoding == null ? null : encoding.toLowerCase(java.util.Locale.ROOT);
        if (enc == null || !Bytes.isEncoding(enc)) {
            throw ErrorCode.ERR_UNKNOWN_ENCODING.make(encoding);
        }
        writableState.defaultEncoding = enc;
        return this;
    }

    public WritableState writableState() {
        return writableState;
    }

    public int writableLength() {
        return writableState.length;
    }

    public int writableHighWaterMark() {
        return writableState.highWaterMark;
    }

    public boolean writableEnded() {
        return writableState.ending;
    }

    public boolean writableFinished() {
        return writableState.finished;
    }

    public boolean writableObjectMode() {
        return writableState.objectMode;
    }

    public int writableCorked() {
        return writableState.corked;
    }

    @Override
    boolean pipeWrite(Object chunk) {
        return write(chunk);
    }

    @Override
    void pipeEnd() {
        end();
    }
}
