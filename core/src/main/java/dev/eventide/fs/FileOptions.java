package dev.eventide.fs;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.Errors;
import dev.eventide.events.AbortSignal;

/**
 * The options object of readFile, writeFile and appendFile ({@code encoding}, {@code flag},
 * {@code mode}). Immutable; each setter returns a new object. The type parameter is what readFile
 * yields: {@link Bytes} until an encoding is set, then String, as in Node:
 * {@code fs.readFile(p, FileOptions.encoding("utf8"))} is a {@code Promise<String>}.
 *
 * @param <T> Bytes or String
 */
public final class FileOptions<T> {
    final String encoding;
    final String flag;
    final int mode;
    /** Node's signal option (fs.promises readFile/writeFile/appendFile), or null. */
    final AbortSignal signal;

    private FileOptions(String encoding, String flag, int mode, AbortSignal signal) {
        this.encoding = encoding;
        this.flag = flag;
        this.mode = mode;
        this.signal = signal;
    }

    /** No options: Node's defaults (flag 'r' for reads, 'w' for writes, 'a' for appends; mode 0o666). */
    public static FileOptions<Bytes> defaults() {
        return new FileOptions<>(null, null, 0666, null);
    }

    /** Options with an encoding: strings are written with it and readFile decodes with it. */
    public static FileOptions<String> encoding(String encoding) {
        return defaults().withEncoding(encoding);
    }

    /** Options with a flag ('r', 'a+', 'wx'...). */
    public static FileOptions<Bytes> flag(String flag) {
        return defaults().withFlag(flag);
    }

    /** Sets the encoding. */
    public FileOptions<String> withEncoding(String encoding) {
        Errors.requireNonNull(encoding, "options.encoding", "of type string");
        if (!Bytes.isEncoding(encoding)) {
            throw Errors.invalidArgValue("encoding", encoding, "is invalid encoding");
        }
        return new FileOptions<>(encoding, flag, mode, signal);
    }

    /** Sets the flag; it is checked when the file is opened. */
    public FileOptions<T> withFlag(String flag) {
        OpenFlags.parse(flag);
        return new FileOptions<>(encoding, flag, mode, signal);
    }

    /** Sets the mode of a file the call creates (before the umask). */
    public FileOptions<T> withMode(int mode) {
        Errors.requireRange(mode, "mode", 0, 07777);
        return new FileOptions<>(encoding, flag, mode, signal);
    }

    /**
     * Sets the signal: the promise-returning readFile, writeFile and appendFile reject with an
     * AbortError (its cause the signal's reason) when it has aborted before the call or before
     * the opened file is read or written, as Node checks it after opening.
     */
    public FileOptions<T> withSignal(AbortSignal signal) {
        Errors.requireNonNull(signal, "options.signal", "an instance of AbortSignal");
        return new FileOptions<>(encoding, flag, mode, signal);
    }

    String flagOr(String fallback) {
        return flag == null ? fallback : flag;
    }
}
