package dev.eventide.web;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.http.IncomingMessage;
import dev.eventide.http.ServerResponse;
import dev.eventide.loop.Task;
import java.util.HashMap;
import java.util.Map;

/**
 * Express's application: the root router, its settings, lifecycle hooks, and the glue to an
 * HTTP server ({@link #listen} or {@link #handler()}). Requests that no layer answers get a 404,
 * errors no error handler answers get the default error handler. A WebApp mounted in another
 * ({@code app.use("/admin", adminApp)}) inherits the settings it does not set itself.
 * Configured at start-up, then used on the loop thread.
 *
 * <p>Settings honoured: "env" (default EVENTIDE_ENV or "development"), "case sensitive routing",
 * "strict routing", "trust proxy" (true, a hop count, addresses/CIDRs/"loopback"..., or a
 * {@link java.util.function.BiPredicate} of address and hop), "etag" (true/"weak", "strong",
 * false), "subdomain offset" (2), "request timeout" (ms, for onTimeout hooks).
 */
public class WebApp extends Router {
    private final Map<String, Object> settings = new HashMap<>();
    private JsonCodec json = new JsonCodec();
    private HttpServer server;
    /** Null while no hook is registered, so that a request without hooks pays one null check. */
    private Hooks hooks;
    private WebApp parent;
    private String mountpath = "/";
    /** "trust proxy" compiled once per set(). */
    private TrustProxy trust;

    protected WebApp() {
        settings.put("env", System.getenv().getOrDefault("EVENTIDE_ENV", "development"));
    }

    /** Express's app.set(name, value). */
    public WebApp set(String name, Object value) {
        settings.put(name, value);
        switch (name) {
            case "case sensitive routing" -> caseSensitive = truthy(value);
            case "strict routing" -> strict = truthy(value);
            case "trust proxy" -> trust = TrustProxy.compile(value);
            default -> {
            }
        }
        return this;
    }

    public WebApp enable(String name) {
        return set(name, true);
    }

    public WebApp disable(String name) {
        return set(name, false);
    }

    /** Express's app.get(name) for a setting (named so to keep get(path, ...) for routes); inherited when mounted. */
    public Object setting(String name) {
        Object v = settings.get(name);
        return v == null && parent != null && !settings.containsKey(name) ? parent.setting(name) : v;
    }

    public boolean enabled(String name) {
        return truthy(setting(name));
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"".equals(v) && !(v instanceof Number n && n.doubleValue() == 0);
    }

    TrustProxy trust() {
        if (trust != null) {
            return trust;
        }
        return parent != null && !settings.containsKey("trust proxy") ? parent.trust() : TrustProxy.NONE;
    }

    /** Where this app is mounted ("/" for the root). */
    public String mountpath() {
        return mountpath;
    }

    public WebApp parent() {
        return parent;
    }

    void mountedOn(Router router, String path) {
        this.mountpath = path;
        if (router instanceof WebApp app) {
            this.parent = app;
        }
    }

    public JsonCodec json() {
        return json;
    }

    public WebApp json(JsonCodec codec) {
        this.json = codec;
        return this;
    }

    // ---- hooks ----

    /** Adds a lifecycle hook: {@code app.addHook(Hooks.ON_SEND, (req, res, payload) -> payload)}. */
    public <T> WebApp addHook(Hooks.Name<T> name, T hook) {
        if (hooks == null) {
            hooks = new Hooks();
        }
        hooks.add(name, hook);
        return this;
    }

    /** Adds a hook by Fastify's name ("onRequest", "preHandler", "onSend", "onResponse", "onTimeout", "onError"). */
    public WebApp addHook(String name, Object hook) {
        if (hooks == null) {
            hooks = new Hooks();
        }
        hooks.add(Hooks.name(name), hook);
        return this;
    }

    /** Runs the onTimeout hooks of the apps the request entered now (for a timeout middleware that decides it timed out). */
    public void fireTimeout(WebRequest req, WebResponse res) {
        if (req.entered != null) {
            req.entered.onTimeout();
        }
    }

    // ---- serving ----

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
        FinalHandler done = new FinalHandler(req, res);
        Hooks h = hooks;
        if (h == null) {
            new Dispatch(this, req, res, done).next(null);
            return;
        }
        HookScope.enter(this, h, req, res);
        dispatchAfterOnRequest(h, req, res, done);
    }

    /** This app's onRequest hooks, then its stack; a failing hook goes to its error handlers. */
    private void dispatchAfterOnRequest(Hooks h, WebRequest req, WebResponse res, Next out) {
        if (h.onRequest.length == 0) {
            new Dispatch(this, req, res, out).next(null);
            return;
        }
        h.onRequest(req, res, err -> new Dispatch(this, req, res, out).next(err));
    }

    /**
     * A mounted sub-app: req.app() is this app while it runs, and req.scope this app's hooks (when
     * it has any) after those of the apps it is mounted in; both are the outer ones again after.
     */
    @Override
    public void handle(WebRequest req, WebResponse res, Next out) {
        WebApp orig = req.app();
        if (orig == this) {
            super.handle(req, res, out);
            return;
        }
        Next back = new Leave(req, orig, req.scope, out);
        req.app(this);
        Hooks h = hooks;
        if (h == null) {
            super.handle(req, res, back);
            return;
        }
        HookScope.enter(this, h, req, res);
        dispatchAfterOnRequest(h, req, res, back);
    }

    /** A sub-app's way out: puts back the outer app and hook scope before the parent goes on. */
    private record Leave(WebRequest req, WebApp app, HookScope scope, Next out) implements Next {
        @Override
        public void call() {
            req.app(app);
            req.scope = scope;
            out.call();
        }

        @Override
        public void call(Throwable err) {
            req.app(app);
            req.scope = scope;
            out.call(err);
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

    /** Where a request goes when no layer answered it: 404, or the default error handler. */
    private static final class FinalHandler implements Next {
        private final WebRequest req;
        private final WebResponse res;

        FinalHandler(WebRequest req, WebResponse res) {
            this.req = req;
            this.res = res;
        }

        @Override
        public void call() {
            DefaultErrors.notFound(req, res);
        }

        @Override
        public void call(Throwable err) {
            if (err == null) {
                call();
            } else {
                DefaultErrors.answer(err, req, res);
            }
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

    // ---- covariant overrides, so that chains keep the WebApp type ----

    @Override
    public WebApp caseSensitive(boolean on) {
        super.caseSensitive(on);
        return this;
    }

    @Override
    public WebApp strict(boolean on) {
        super.strict(on);
        return this;
    }

    @Override
    public WebApp param(String name, ParamHandler handler) {
        super.param(name, handler);
        return this;
    }

    @Override
    public WebApp use(Handler... handlers) {
        super.use(handlers);
        return this;
    }

    @Override
    public WebApp use(String path, Handler... handlers) {
        super.use(path, handlers);
        return this;
    }

    @Override
    public WebApp use(ErrorHandler... handlers) {
        super.use(handlers);
        return this;
    }

    @Override
    public WebApp use(String path, ErrorHandler... handlers) {
        super.use(path, handlers);
        return this;
    }

    @Override
    public WebApp get(String path, Handler... handlers) {
        super.get(path, handlers);
        return this;
    }

    @Override
    public WebApp post(String path, Handler... handlers) {
        super.post(path, handlers);
        return this;
    }

    @Override
    public WebApp put(String path, Handler... handlers) {
        super.put(path, handlers);
        return this;
    }

    @Override
    public WebApp patch(String path, Handler... handlers) {
        super.patch(path, handlers);
        return this;
    }

    @Override
    public WebApp delete(String path, Handler... handlers) {
        super.delete(path, handlers);
        return this;
    }

    @Override
    public WebApp head(String path, Handler... handlers) {
        super.head(path, handlers);
        return this;
    }

    @Override
    public WebApp options(String path, Handler... handlers) {
        super.options(path, handlers);
        return this;
    }

    @Override
    public WebApp all(String path, Handler... handlers) {
        super.all(path, handlers);
        return this;
    }

    @Override
    public WebApp route(String method, String path, Handler... handlers) {
        super.route(method, path, handlers);
        return this;
    }

    static String escapeHtml(String s) {
        return DefaultErrors.escapeHtml(s);
    }
}
