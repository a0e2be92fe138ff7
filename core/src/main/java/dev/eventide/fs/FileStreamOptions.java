package dev.eventide.fs;

import dev.eventide.errors.Errors;

/**
 * The options of createReadStream and createWriteStream, as a fluent builder:
 * {@code Fs.createReadStream(p, new FileStreamOptions().start(10).end(19).encoding("utf8"))}.
 * Unset values take Node's defaults. Mutable; read once by the stream's constructor.
 */
public final class FileStreamOptions {
    String flags;
    String encoding;
    Integer fd;
    int mode = 0666;
    boolean autoClose = true;
    boolean emitClose = true;
    long start = -1;
    long end = Long.MAX_VALUE;
    Integer highWaterMark;

    /** Open flags; 'r' for read streams and 'w' for write streams by default. */
    public FileStreamOptions flags(String flags) {
        OpenFlags.parse(flags);
        this.flags = flags;
        return this;
    }

    public FileStreamOptions encoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    /** An already open descriptor: the path is ignored and no 'open' event is emitted. */
    public FileStreamOptions fd(int fd) {
        this.fd = fd;
        return this;
    }

    public FileStreamOptions mode(int mode) {
        this.mode = mode;
        return this;
    }

    /** Whether the descriptor is closed after 'end'/'finish' or an error (default true). */
    public FileStreamOptions autoClose(boolean on) {
        this.autoClose = on;
        return this;
    }

    public FileStreamOptions emitClose(boolean on) {
        this.emitClose = on;
        return this;
    }

    /** The first byte to read or write. */
    public FileStreamOptions start(long start) {
        this.start = Errors.requireRange(start, "start", 0, Long.MAX_VALUE);
        return this;
    }

    /** The last byte to read, inclusive (read streams only). */
    public FileStreamOptions end(long end) {
        this.end = Errors.requireRange(end, "end", 0, Long.MAX_VALUE);
        return this;
    }

    /** Bytes per read (64 KiB by default) or the write buffer limit (16 KiB by default). */
    public FileStreamOptions highWaterMark(int bytes) {
        this.highWaterMark = bytes;
        return this;
    }
}
