package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;

/**
 * Node's stream.Writable: write() returns false past the highWaterMark, then 'drain'; end()
 * leads to _final, 'prefinish', 'finish' and (with autoDestroy) 'close'. Implement it by
 * overriding {@code _write} (and optionally {@code _writev}, {@code _final}, {@code _destroy})
 * or by giving them as {@link StreamOptions}. Loop thread only.
 */
public class WritableStream extends StreamBase {
    /** A writable stream whose hooks come from {@code options} or from overrides. */
    public WritableStream(StreamOptions options) {
        super(options);
        writableState = new WritableState(this.options, false);
        applySignal();
        Construct.start(this);
    }

    /** A writable stream with Node's defaults; override {@code _write}. */
    public WritableStream() {
        this(null);
    }

    /** Writes a chunk (String, Bytes, byte[], or any object in object mode). */
    public boolean write(Object chunk) {
        return WritableLogic.write(this, chunk, null, null) == Boolean.TRUE;
    }

    public boolean write(Object chunk, StreamCallback cb) {
        return WritableLogic.write(this, chunk, null, cb) == Boolean.TRUE;
    }

    public boolean write(Object chunk, String encoding, StreamCallback cb) {
        return WritableLogic.write(this, chunk, encoding, cb) == Boolean.TRUE;
    }

    public WritableStream end() {
        WritableLogic.end(this, null, null, null);
        return this;
    }

    public WritableStream end(StreamCallback cb) {
        WritableLogic.end(this, null, null, cb);
        return this;
    }

    public WritableStream end(Object chunk) {
        WritableLogic.end(this, chunk, null, null);
        return this;
    }

    public WritableStream end(Object chunk, StreamCallback cb) {
        WritableLogic.end(this, chunk, null, cb);
        return this;
    }

    public WritableStream end(Object chunk, String encoding, StreamCallback cb) {
        WritableLogic.end(this, chunk, encoding, cb);
        return this;
    }

    /** Buffers writes until the matching uncork() (or end()). */
    public void cork() {
        writableState.corked++;
    }

    public void uncork() {
        WritableLogic.uncork(this);
    }

    public WritableStream setDefaultEncoding(String encoding) {
        String enc = encoding == null ? null : encoding.toLowerCase(java.util.Locale.ROOT);
        if (enc == null || !Bytes.isEncoding(enc)) {
            throw ErrorCode.ERR_UNKNOWN_ENCODING.make(encoding);
        }
        writableState.defaultEncoding = enc;
        return this;
    }

    /** Writing to a writable-only stream's pipe() is an error, as in Node. */
    public void pipe() {
        errorOrDestroy(ErrorCode.ERR_STREAM_CANNOT_PIPE.make(), false);
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

    /** Node's writableAborted: destroyed or errored before 'finish'. */
    public boolean writableAborted() {
        return aborted(writableState);
    }

    static boolean aborted(WritableState w) {
        return w.writable && (w.destroyed || w.errored != null) && !w.finished;
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
