package dev.eventide.web;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.http.IncomingMessage;
import dev.eventide.http.ServerResponse;
import dev.eventide.loop.Task;
import java.util.HashMap;
import java.util.Map;

/**
 * Express's application: the root router, its settings, and the glue to an HTTP server
 * ({@link #listen} or {@link #handler()}). Requests that no layer answers get a 404, errors no
 * error handler answers get the default error handler. Configured at start-up, then used on the
 * loop thread.
 */
public class WebApp extends Router {
    private final Map<String, Object> settings = new HashMap<>();
    private JsonCodec json = new JsonCodec();
    private HttpServer server;

    protected WebApp() {
        settings.put("env", System.getenv().getOrDefault("EVENTIDE_ENV", "development"));
    }

    /** Express's app.set(name, value). */
    public WebApp set(String name, Object value) {
        settings.put(name, value);
        return this;
    }

    /** Express's app.get(name) for a setting (named so to keep get(path, ...) for routes). */
    public Object setting(String name) {
        return settings.get(name);
    }

    public boolean enabled(String name) {
        return Boolean.TRUE.equals(settings.get(name));
    }

    public JsonCodec json() {
        return json;
    }

    public WebApp json(JsonCodec codec) {
        this.json = codec;
        return this;
    }

    /** This application as the 'request' listener of an HTTP server. */
    public HttpServer.RequestListener handler() {
        return this::serve;
    }

    /** Starts an HTTP server for this application (Express's app.listen). */
    public HttpServer listen(int port, String host, Task callback) {
        server = Http.createServer(handler());
        server.listen(port, host, callback);
        return server;
    }

    public HttpServer listen(int port, Task callback) {
        return listen(port, "127.0.0.1", callback);
    }

    /** The server {@link #listen} started, or null. */
    public HttpServer server() {
        return server;
    }

    void serve(IncomingMessage rawReq, ServerResponse rawRes) {
        WebRequest req = new WebRequest(this, rawReq);
        WebResponse res = new WebResponse(this, rawRes, req);
        handle(req, res, new Final(req, res));
    }

    /** Where a request goes when no layer answered it: 404, or the default error handler. */
    private final class Final implements Next {
        private final WebRequest req;
        private final WebResponse res;

        Final(WebRequest req, WebResponse res) {
            this.req = req;
            this.res = res;
        }

        @Override
        public void call() {
            if (res.headersSent()) {
                return;
            }
            res.status(404).type("text/html");
            res.send("Cannot " + req.method() + " " + escapeHtml(req.originalUrl()) + "\n");
        }

        @Override
        public void call(Throwable err) {
            if (err == null) {
                call();
                return;
            }
            DefaultErrors.answer(WebApp.this, err, req, res);
        }

        @Override
        public void route() {
            call();
        }

        @Override
        public void router() {
            call();
        }
    }

    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
