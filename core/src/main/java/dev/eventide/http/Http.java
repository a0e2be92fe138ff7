package dev.eventide.http;

import java.util.List;
import java.util.Map;

/**
 * Node's http module: {@code Http.createServer((req, res) -> res.end("Hello, World!"))
 * .listen(8080)}, and the client ({@code request}, {@code get}, {@code fetch}). Stateless;
 * call it on a loop's thread.
 */
public final class Http {
    private Http() {}

    /** Node's http.STATUS_CODES. */
    public static final Map<Integer, String> STATUS_CODES = HttpStatus.CODES;

    /** Node's http.METHODS (the methods the parser accepts over HTTP), sorted. */
    public static final List<String> METHODS = List.of("ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE",
            "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE",
            "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "QUERY", "REBIND",
            "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE");

    public static HttpServer createServer() {
        return new HttpServer(null, null);
    }

    public static HttpServer createServer(HttpServer.RequestListener listener) {
        return new HttpServer(null, listener);
    }

    public static HttpServer createServer(HttpServerOptions options, HttpServer.RequestListener listener) {
        return new HttpServer(options, listener);
    }
}
