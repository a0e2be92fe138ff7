package dev.eventide.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Express's Router: an ordered list of layers (middleware mounted at a path prefix, routes for a
 * method and a path, error handlers), tried in registration order for each request. A router is
 * itself a {@link Handler}, so it mounts in an application or another router with
 * {@link #use(String, Handler...)}. Configured at start-up, then used on the loop thread.
 */
public class Router implements Handler {
    final List<Layer> layers = new ArrayList<>();

    /** One entry of the stack; exactly one of handler and errorHandler is set. */
    record Layer(String method, PathPattern path, Handler handler, ErrorHandler errorHandler) {
    }

    public Router use(Handler... handlers) {
        return use("/", handlers);
    }

    public Router use(String path, Handler... handlers) {
        PathPattern p = new PathPattern(path, true);
        for (Handler h : handlers) {
            layers.add(new Layer(null, p, h, null));
        }
        return this;
    }

    public Router use(ErrorHandler... handlers) {
        return use("/", handlers);
    }

    public Router use(String path, ErrorHandler... handlers) {
        PathPattern p = new PathPattern(path, true);
        for (ErrorHandler h : handlers) {
            layers.add(new Layer(null, p, null, h));
        }
        return this;
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
        return route("*", path, handlers);
    }

    /** A route for any method name (Express's app[method]). */
    public Router route(String method, String path, Handler... handlers) {
        PathPattern p = new PathPattern(path, false);
        String m = method.toUpperCase(Locale.ROOT);
        for (Handler h : handlers) {
            layers.add(new Layer(m, p, h, null));
        }
        return this;
    }

    @Override
    public void handle(WebRequest req, WebResponse res, Next out) {
        new Dispatch(this, req, res, out).next(null);
    }

    /** One request's walk through one router's layers. */
    static final class Dispatch implements Next {
        private final Router router;
        private final WebRequest req;
        private final WebResponse res;
        private final Next out;
        private final String url;
        private final String baseUrl;
        private final Map<String, String> params;
        private int index;

        Dispatch(Router router, WebRequest req, WebResponse res, Next out) {
            this.router = router;
            this.req = req;
            this.res = res;
            this.out = out;
            this.url = req.url();
            this.baseUrl = req.baseUrl();
            this.params = req.params();
        }

        void next(Throwable err) {
            req.url(url);
            req.baseUrl(baseUrl);
            req.params(params);
            String path = req.path();
            while (index < router.layers.size()) {
                Layer layer = router.layers.get(index++);
                if (layer.method != null && !layer.method.equals("*") && !layer.method.equals(req.method())
                        && !(layer.method.equals("GET") && req.method().equals("HEAD"))) {
                    continue;
                }
                if ((err == null) != (layer.handler != null)) {
                    continue;
                }
                PathPattern.Match m = layer.path.match(path);
                if (m == null) {
                    continue;
                }
                run(layer, m, err);
                return;
            }
            if (err == null) {
                out.call();
            } else {
                out.call(err);
            }
        }

        private void run(Layer layer, PathPattern.Match m, Throwable err) {
            req.params(m.params());
            if (layer.method == null && !m.matched().isEmpty()) {
                String rest = url.substring(m.matched().length());
                req.baseUrl(baseUrl + m.matched());
                req.url(rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
            }
            Once once = new Once(this);
            try {
                if (err == null) {
                    layer.handler.handle(req, res, once);
                } else {
                    layer.errorHandler.handle(err, req, res, once);
                }
            } catch (dev.eventide.loop.ProcessExit e) {
                throw e;
            } catch (Throwable t) {
                once.call(t);
            }
        }

        @Override
        public void call() {
            next(null);
        }

        @Override
        public void call(Throwable err) {
            next(err);
        }

        @Override
        public void route() {
            next(null);
        }

        @Override
        public void router() {
            out.call();
        }
    }

    /** The next given to one handler: only its first call counts. */
    static final class Once implements Next {
        private final Dispatch dispatch;
        private boolean called;

        Once(Dispatch dispatch) {
            this.dispatch = dispatch;
        }

        private boolean first() {
            if (called) {
                return false;
            }
            called = true;
            return true;
        }

        @Override
        public void call() {
            if (first()) {
                dispatch.call();
            }
        }

        @Override
        public void call(Throwable err) {
            if (first()) {
                dispatch.call(err);
            }
        }

        @Override
        public void route() {
            if (first()) {
                dispatch.route();
            }
        }

        @Override
        public void router() {
            if (first()) {
                dispatch.router();
            }
        }
    }
}
