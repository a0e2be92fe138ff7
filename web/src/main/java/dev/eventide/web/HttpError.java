package dev.eventide.web;

import dev.eventide.errors.ErrorCode;

/**
 * An error that carries an HTTP status (http-errors' shape): the default error handler answers
 * with its status, and for a 4xx with its message, since the client caused it. A stable
 * {@code ERR_...} code names the failure for logs and tests.
 */
public class HttpError extends RuntimeException {
    private final int status;
    private final String code;
    /** Whether the message may be shown to the client (true for 4xx, as http-errors' expose). */
    private final boolean expose;
    /** Headers the error answer carries (http-errors' err.headers, e.g. Content-Range on a 416). */
    private java.util.Map<String, String> headers = java.util.Map.of();

    public HttpError(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** An error of the catalogue: its message is the code's template filled with {@code args}. */
    public HttpError(int status, ErrorCode code, Object... args) {
        this(status, code.code(), code.message(args), null);
    }

    /** An error of the catalogue caused by {@code cause} (a factory: a constructor would be ambiguous). */
    public static HttpError causedBy(Throwable cause, int status, ErrorCode code, Object... args) {
        return new HttpError(status, code.code(), code.message(args), cause);
    }

    public HttpError(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.expose = status < 500;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Whether this error has the catalogue's {@code code}. */
    public boolean is(ErrorCode code) {
        return code.code().equals(this.code);
    }

    /** Headers the default error handler sets on the answer (finalhandler applies err.headers). */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    public HttpError header(String name, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        headers = java.util.Collections.unmodifiableMap(copy);
        return this;
    }

    public boolean expose() {
        return expose;
    }
}
