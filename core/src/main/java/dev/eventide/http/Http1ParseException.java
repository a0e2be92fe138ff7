package dev.eventide.http;

import dev.eventide.errors.NodeError;

/**
 * A parse error as Node reports it: {@code code} is the {@code HPE_*} name, the message is
 * {@code "Parse Error: " + reason}, and {@code bytesParsed} counts the bytes of the failing
 * read that were consumed. Made only when a caller asks, never by the parser's hot path.
 */
public final class Http1ParseException extends NodeError {
    private static final long serialVersionUID = 1L;

    private final transient Http1Error error;
    private final String reason;
    private final int bytesParsed;

    public Http1ParseException(Http1Error error, String reason, int bytesParsed) {
        super(error.code(), "Parse Error: " + reason);
        this.error = error;
        this.reason = reason;
        this.bytesParsed = bytesParsed;
    }

    public Http1Error error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    public int bytesParsed() {
        return bytesParsed;
    }
}
