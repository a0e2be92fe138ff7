package dev.eventide.web;

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
