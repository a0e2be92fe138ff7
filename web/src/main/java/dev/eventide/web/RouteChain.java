package dev.eventide.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Express's Route: the handlers for one path, each for a method (or all methods), run in the
 * order added. {@code app.route("/book").get(h1).post(h2)}. {@code next.route()} in one of its
 * handlers skips the rest. A HEAD request runs the GET handlers when the route has no HEAD
 * handler. Configured at start-up, then read on the loop thread.
 */
public final class RouteChain {
    private final String path;
    /** Handlers in order; methods[i] is null for all(). */
    String[] methods = new String[0];
    Handler[] handlers = new Handler[0];
    /** Method names handled, upper-case, in the order first added. */
    private final Set<String> handled = new LinkedHashSet<>();
    private boolean all;

    RouteChain(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public RouteChain all(Handler... hs) {
        all = true;
        return add(null, hs);
    }

    public RouteChain method(String method, Handler... hs) {
        String m = method.toUpperCase(Locale.ROOT).intern();
        handled.add(m);
        return add(m, hs);
    }

    public RouteChain get(Handler... hs) {
        return method("GET", hs);
    }

    public RouteChain post(Handler... hs) {
        return method("POST", hs);
    }

    public RouteChain put(Handler... hs) {
        return method("PUT", hs);
    }

    public RouteChain patch(Handler... hs) {
        return method("PATCH", hs);
    }

    public RouteChain delete(Handler... hs) {
        return method("DELETE", hs);
    }

    public RouteChain head(Handler... hs) {
        return method("HEAD", hs);
    }

    public RouteChain options(Handler... hs) {
        return method("OPTIONS", hs);
    }

    private RouteChain add(String method, Handler[] hs) {
        if (hs.length == 0) {
            throw new IllegalArgumentException("argument handler is required");
        }
        int n = handlers.length;
        methods = java.util.Arrays.copyOf(methods, n + hs.length);
        handlers = java.util.Arrays.copyOf(handlers, n + hs.length);
        for (int i = 0; i < hs.length; i++) {
            methods[n + i] = method;
            handlers[n + i] = java.util.Objects.requireNonNull(hs[i], "handler");
        }
        return this;
    }

    /** Express's _handlesMethod: all(), the method itself, or GET for a HEAD without HEAD handlers. */
    boolean handlesMethod(String method) {
        return all || handled.contains(method) || (method.equals("HEAD") && handled.contains("GET"));
    }

    /** The method its handlers run for: GET stands in for HEAD when no HEAD handler exists. */
    String effectiveMethod(String method) {
        return method.equals("HEAD") && !handled.contains("HEAD") ? "GET" : method;
    }

    /** Express's _methods(): for the automatic OPTIONS answer (HEAD implied by GET). */
    List<String> allowed() {
        List<String> out = new ArrayList<>(handled);
        if (handled.contains("GET") && !handled.contains("HEAD")) {
            out.add("HEAD");
        }
        return out;
    }
}
