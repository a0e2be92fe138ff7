package dev.eventide.web;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.ProcessExit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One request's walk through one router's stack, as router 2.x's handle/next: it is the
 * {@link Next} every handler of this router receives. Runs on the loop thread.
 *
 * <p>State is undone as Express undoes it: a mount's prefix is cut from req.url before its
 * handler runs and put back when the handler calls next (so a middleware that rewrites req.url
 * is still heard by later layers), and baseUrl and params are restored when the walk leaves the
 * router. The route now running is kept here too (route, routeIdx), so a request through a
 * route allocates no second dispatcher.
 */
final class Dispatch implements Next {
    /** Signals for next('route') and next('router'); never reach a handler. */
    static final Throwable ROUTE = new Signal("route");
    static final Throwable ROUTER = new Signal("router");
    /** Synchronous next() calls nested this deep continue on a later loop turn (router's sync guard). */
    private static final int MAX_SYNC = 100;

    private final Router router;
    private final Router.Layer[] stack;
    private final WebRequest req;
    private final WebResponse res;
    private final Next out;
    private final String parentUrl;
    private final Map<String, String> parentParams;
    private String removed = "";
    private boolean slashAdded;
    private int idx;
    private RouteChain route;
    private int routeIdx;
    private String routeMethod;
    /** Methods seen on routes for this path, for the automatic OPTIONS answer; null unless OPTIONS. */
    private List<String> allow;
    /** A handler holds this Next and has not called it yet: a second call is ignored. */
    private boolean waiting;
    private int seq;
    private int sync;
    /** router.param values already handled in this router, by name (each value runs once). */
    Map<String, String> paramCalled;

    private static final class Signal extends Throwable {
        Signal(String name) {
            super("next('" + name + "')", null, false, false);
        }
    }

    Dispatch(Router router, WebRequest req, WebResponse res, Next out) {
        this.router = router;
        this.stack = router.stack;
        this.req = req;
        this.res = res;
        this.out = out;
        this.parentUrl = req.baseUrl();
        this.parentParams = req.params();
        if ("OPTIONS".equals(req.method())) {
            allow = new ArrayList<>();
        }
    }

    @Override
    public void call() {
        resume(null);
    }

    @Override
    public void call(Throwable err) {
        resume(err);
    }

    @Override
    public void route() {
        resume(ROUTE);
    }

    @Override
    public void router() {
        resume(ROUTER);
    }

    private void resume(Throwable err) {
        if (!waiting) {
            return; // next called twice by one handler: the first call counted
        }
        waiting = false;
        if (++sync > MAX_SYNC && EventLoop.currentOrNull() != null) {
            sync = 0;
            EventLoop.current().setImmediate(() -> next(err));
            return;
        }
        next(err);
    }

    void next(Throwable err) {
        if (err != null && req.scope != null && !(err instanceof Signal) && err != req.reportedError) {
            req.reportedError = err;
            req.scope.onError(req, res, err); // the apps the request is inside where the error arose
        }
        if (route != null) {
            if (err == null && stepRoute()) {
                return;
            }
            route = null;
            if (err == ROUTE) {
                err = null;
            }
        }
        undoTrim();
        if (err == ROUTER) {
            exit(null);
            return;
        }
        if (err == ROUTE) {
            err = null; // next('route') outside a route is next()
        }
        String path = req.path();
        while (idx < stack.length) {
            Router.Layer layer = stack[idx++];
            if (err != null ? layer.errorHandler == null : layer.errorHandler != null) {
                continue;
            }
            PathPattern.Match m = null;
            Map<String, String> params = Map.of();
            if (!layer.path.slash()) {
                try {
                    m = layer.path.match(path, router.caseSensitive, router.strict);
                    if (m == null) {
                        continue;
                    }
                    params = m.params();
                } catch (HttpError e) {
                    err = e; // a malformed escape in a parameter: Express's 400 from decode_param
                    continue;
                }
            }
            if (layer.route != null && !layer.route.handlesMethod(req.method())) {
                if (allow != null) {
                    allow.addAll(layer.route.allowed());
                }
                continue;
            }
            req.params(router.mergeParams ? merge(params, parentParams) : params);
            if (router.paramHandlers != null && !params.isEmpty()) {
                Throwable e0 = err;
                PathPattern.Match m0 = m;
                ParamRunner.run(router, this, req, res, params, e2 -> {
                    if (e2 != null) {
                        next(e0 != null ? e0 : e2);
                    } else {
                        enter(layer, m0, e0);
                    }
                });
                return;
            }
            enter(layer, m, err);
            return;
        }
        exit(err);
    }

    /** Runs a matched layer: a route's handlers, or a middleware with the mount prefix cut off. */
    private void enter(Router.Layer layer, PathPattern.Match m, Throwable err) {
        if (layer.route != null) {
            route = layer.route;
            routeIdx = 0;
            routeMethod = route.effectiveMethod(req.method());
            HookScope scope = req.scope;
            if (scope != null && !scope.preHandled()) {
                scope.preHandler(req, res, e -> next(e)); // once per app entered, before its first route
                return;
            }
            next(null);
            return;
        }
        if (m != null && m.length() != 0) {
            trim(m.matched());
        }
        if (err == null) {
            invoke(layer.handler, null, null);
        } else {
            invoke(null, layer.errorHandler, err);
        }
    }

    private boolean stepRoute() {
        RouteChain r = route;
        while (routeIdx < r.handlers.length) {
            int i = routeIdx++;
            String m = r.methods[i];
            if (m == null || m.equals(routeMethod)) {
                invoke(r.handlers[i], null, null);
                return true;
            }
        }
        return false;
    }

    private void invoke(Handler handler, ErrorHandler errorHandler, Throwable err) {
        int mine = ++seq;
        waiting = true;
        req.next = this; // Express's req.next: where res.sendFile sends its errors
        try {
            if (handler != null) {
                handler.handle(req, res, this);
            } else {
                errorHandler.handle(err, req, res, this);
            }
        } catch (ProcessExit e) {
            throw e;
        } catch (Throwable t) {
            if (waiting && seq == mine) {
                waiting = false;
                next(t);
            } else {
                DefaultErrors.log(req.app(), t); // thrown after next() was called: nobody else can answer it
            }
        }
        sync = 0;
    }

    /** Cuts the mount prefix from req.url (router's trimPrefix). */
    private void trim(String layerPath) {
        String url = req.url();
        removed = layerPath;
        url = url.substring(removed.length());
        if (url.isEmpty() || url.charAt(0) != '/') {
            url = "/" + url;
            slashAdded = true;
        }
        req.url(url);
        req.baseUrl(parentUrl + (removed.endsWith("/") ? removed.substring(0, removed.length() - 1) : removed));
    }

    private void undoTrim() {
        if (slashAdded) {
            String url = req.url();
            boolean root = url.equals("/") || url.startsWith("/?");
            if (root || (removed.endsWith("/") && url.startsWith("/"))) {
                req.url(url.substring(1));
            }
            slashAdded = false;
        }
        if (!removed.isEmpty()) {
            req.baseUrl(parentUrl);
            req.url(removed + req.url());
            removed = "";
        }
    }

    private void exit(Throwable err) {
        req.baseUrl(parentUrl);
        req.params(parentParams);
        if (err == null && allow != null && !allow.isEmpty() && !res.headersSent()) {
            String methods = String.join(", ", new TreeSet<>(allow));
            res.raw().setHeader("Allow", methods);
            res.raw().setHeader("Content-Type", "text/plain");
            res.raw().setHeader("X-Content-Type-Options", "nosniff");
            res.sendPlain(methods);
            return;
        }
        if (err == null) {
            out.call();
        } else {
            out.call(err);
        }
    }

    private static Map<String, String> merge(Map<String, String> params, Map<String, String> parent) {
        if (parent.isEmpty()) {
            return params;
        }
        Map<String, String> merged = new LinkedHashMap<>(parent);
        merged.putAll(params);
        return merged;
    }
}
