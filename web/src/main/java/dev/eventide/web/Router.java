package dev.eventide.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Express 5's Router: an ordered stack of layers (middleware mounted at a path prefix, routes,
 * error handlers), tried in registration order for each request. A router is itself a
 * {@link Handler}, so it mounts in an application or another router with
 * {@link #use(String, Handler...)}. Configured at start-up, then used on the loop thread.
 *
 * <p>Paths use Express 5's syntax ({@code /:id}, {@code {/:optional}}, {@code /*splat}), plus
 * Express 4's {@code /:id?}. Matching is case-insensitive and ignores one trailing slash unless
 * {@link #caseSensitive(boolean)} or {@link #strict(boolean)} say otherwise.
 */
public class Router implements Handler {
    /** The stack; append-only, and only before serving. */
    final List<Layer> layers = new ArrayList<>();
    Layer[] stack = new Layer[0];
    boolean caseSensitive;
    boolean strict;
    boolean mergeParams;
    /** router.param callbacks by parameter name; null until one is registered. */
    Map<String, List<ParamHandler>> paramHandlers;

    /** router.param(name, fn): runs before the layers that have the parameter, once per value. */
    @FunctionalInterface
    public interface ParamHandler {
        void handle(WebRequest req, WebResponse res, Next next, String value, String name) throws Exception;
    }

    /** One entry of the stack: exactly one of handler, errorHandler and route is set. */
    static final class Layer {
        final PathPattern path;
        final Handler handler;
        final ErrorHandler errorHandler;
        final RouteChain route;

        Layer(PathPattern path, Handler handler, ErrorHandler errorHandler, RouteChain route) {
            this.path = path;
            this.handler = handler;
            this.errorHandler = errorHandler;
            this.route = route;
        }
    }

    /** Whether "/Foo" and "/foo" differ (Express's caseSensitive; default false). */
    public Router caseSensitive(boolean on) {
        this.caseSensitive = on;
        return this;
    }

    /** Whether "/foo/" and "/foo" differ for routes (Express's strict; default false). */
    public Router strict(boolean on) {
        this.strict = on;
        return this;
    }

    /** Whether a mounted router's req.params include its parent's (Express's mergeParams). */
    public Router mergeParams(boolean on) {
        this.mergeParams = on;
        return this;
    }

    public Router param(String name, ParamHandler handler) {
        if (paramHandlers == null) {
            paramHandlers = new HashMap<>();
        }
        paramHandlers.computeIfAbsent(name, k -> new ArrayList<>()).add(handler);
        return this;
    }

    public Router use(Handler... handlers) {
        return use("/", handlers);
    }

    public Router use(String path, Handler... handlers) {
        PathPattern p = new PathPattern(path, true);
        for (Handler h : handlers) {
            if (h instanceof WebApp sub) {
                sub.mountedOn(this, path);
            }
            add(new Layer(p, h, null, null));
        }
        return this;
    }

    public Router use(ErrorHandler... handlers) {
        return use("/", handlers);
    }

    public Router use(String path, ErrorHandler... handlers) {
        PathPattern p = new PathPattern(path, true);
        for (ErrorHandler h : handlers) {
            add(new Layer(p, null, h, null));
        }
        return this;
    }

    /** A route for the path, to which handlers for each method are added in a chain (Express's router.route). */
    public RouteChain route(String path) {
        RouteChain route = new RouteChain(path);
        add(new Layer(new PathPattern(path, false), null, null, route));
        return route;
    }

    private void add(Layer layer) {
        layers.add(layer);
        stack = layers.toArray(Layer[]::new);
    }

    public Router get(String path, Handler... handlers) {
        return route("GET", path, handlers);
    }

    public Router post(String path, Handler... handlers) {
        return route("POST", path, handlers);
    }

    public Router put(String path, Handler... handlers) {
        return route("PUT", path, handlers);
    }

    public Router patch(String path, Handler... handlers) {
        return route("PATCH", path, handlers);
    }

    public Router delete(String path, Handler... handlers) {
        return route("DELETE", path, handlers);
    }

    public Router head(String path, Handler... handlers) {
        return route("HEAD", path, handlers);
    }

    public Router options(String path, Handler... handlers) {
        return route("OPTIONS", path, handlers);
    }

    /** Every method. */
    public Router all(String path, Handler... handlers) {
        route(path).all(handlers);
        return this;
    }

    /** A route for any method name (Express's app[method]); "*" means every method. */
    public Router route(String method, String path, Handler... handlers) {
        RouteChain r = route(path);
        if (method.equals("*")) {
            r.all(handlers);
        } else {
            r.method(method, handlers);
        }
        return this;
    }

    @Override
    public void handle(WebRequest req, WebResponse res, Next out) {
        new Dispatch(this, req, res, out).next(null);
    }
}
