package dev.eventide.http;

import dev.eventide.errors.AbortError;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Events;
import dev.eventide.promise.Promise;
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

    // ---- client ----

    /** Node's http.request(url, cb): call end() on the result to send it. */
    public static ClientRequest request(String url, ClientRequest.ResponseListener listener) {
        return new ClientRequest(RequestOptions.of(url), listener);
    }

    public static ClientRequest request(RequestOptions options, ClientRequest.ResponseListener listener) {
        return new ClientRequest(options, listener);
    }

    /** Node's http.get: a GET request, already ended. */
    public static ClientRequest get(String url, ClientRequest.ResponseListener listener) {
        ClientRequest req = request(url, listener);
        req.end();
        return req;
    }

    public static ClientRequest get(RequestOptions options, ClientRequest.ResponseListener listener) {
        ClientRequest req = request(options.method("GET"), listener);
        req.end();
        return req;
    }

    /** A GET of {@code url}; the promise settles when the response head arrives. */
    public static Promise<FetchResponse> fetch(String url) {
        return fetch(url, new RequestOptions(), null);
    }

    /**
     * Fetch: {@code options} gives the method, headers and signal (host, port and path come from the
     * URL), {@code body} is a String, Bytes or null. Redirects are returned, not followed.
     */
    public static Promise<FetchResponse> fetch(String url, RequestOptions options, Object body) {
        RequestOptions o = RequestOptions.of(url).method(options.method).headers(options.headers);
        if (options.agent != null || !options.useAgent) {
            o.agent(options.agent);
            o.useAgent = options.useAgent;
        }
        AbortSignal signal = options.signal;
        if (signal != null && signal.aborted()) {
            return Promise.reject(signal.reason());
        }
        return new Promise<>((resolve, reject) -> {
            ClientRequest req = new ClientRequest(o, res -> resolve.accept(new FetchResponse(res, url)));
            req.on("error", a -> reject.accept((Throwable) a[0]));
            if (signal != null) {
                // As fetch: the promise rejects with the reason itself; the request dies with it.
                req.whenDone(Events.addAbortListener(signal, e -> {
                    reject.accept(signal.reason());
                    req.abort(new AbortError(signal.reason()));
                }));
            }
            if (body == null) {
                req.end();
            } else {
                req.end(body);
            }
        });
    }
}
