package dev.eventide.http;

import dev.eventide.errors.NodeError;

/**
 * The HTTP module's Node-style errors (lib/internal/errors.js wording), made here until the
 * lead merges them into the shared catalogue. Stateless.
 */
final class HttpErrors {
    private HttpErrors() {}

    static NodeError headersSent(String action) {
        return new NodeError("ERR_HTTP_HEADERS_SENT",
                "Cannot " + action + " headers after they are sent to the client");
    }

    static NodeError invalidHeaderValue(Object value, String name) {
        return new NodeError("ERR_HTTP_INVALID_HEADER_VALUE",
                "Invalid value \"" + value + "\" for header \"" + name + "\"");
    }

    static NodeError invalidToken(String what, String token) {
        return new NodeError("ERR_INVALID_HTTP_TOKEN", what + " must be a valid HTTP token [\"" + token + "\"]");
    }

    static NodeError invalidChar(String what, String name) {
        return new NodeError("ERR_INVALID_CHAR", "Invalid character in " + what + " [\"" + name + "\"]");
    }

    static NodeError invalidStatusCode(Object code) {
        return new NodeError("ERR_HTTP_INVALID_STATUS_CODE", "Invalid status code: " + code);
    }

    static NodeError trailerInvalid() {
        return new NodeError("ERR_HTTP_TRAILER_INVALID", "Trailers are invalid with this transfer encoding");
    }

    static NodeError requestTimeout() {
        return new NodeError("ERR_HTTP_REQUEST_TIMEOUT", "Request timeout");
    }


    static NodeError socketHangUp() {
        return new NodeError("ECONNRESET", "socket hang up");
    }

    static NodeError unescapedPath() {
        return new NodeError("ERR_UNESCAPED_CHARACTERS", "Request path contains unescaped characters");
    }

    static NodeError invalidProtocol(String protocol) {
        return new NodeError("ERR_INVALID_PROTOCOL",
                "Protocol \"" + protocol + "\" not supported. Expected \"http:\"");
    }

}
