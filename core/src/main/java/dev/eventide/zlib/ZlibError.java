package dev.eventide.zlib;

import dev.eventide.errors.NodeError;

/**
 * A compressed-data error as Node reports it: {@code code} is zlib's name ({@code Z_DATA_ERROR},
 * {@code Z_BUF_ERROR}, {@code Z_NEED_DICT}) and {@code errno} zlib's number (-3, -5, 2), with
 * zlib's message ("incorrect header check", "unexpected end of file"). Immutable.
 */
public final class ZlibError extends NodeError {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public ZlibError(String code, int errno, String message) {
        super(code, message);
        this.errno = errno;
    }

    /** Node's {@code err.errno}: zlib's return code. */
    public int errno() {
        return errno;
    }
}
