package dev.eventide.web;

import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hooks of the applications a request is inside, as a chain from the innermost app out to
 * the top one: Fastify's encapsulation adapted to Express mounting. Runs on the loop thread.
 *
 * <p>HOW: the top app's serve() and a mounted sub-app's handle() each push one scope (only if
 * that app has hooks) onto req.scope, and a sub-app's way out puts the outer scope back, so a
 * sub-app's hooks never run for a request that is not inside it. onSend and onError run the hooks
 * of the scope the request is in when the response is produced or the error is raised; onResponse
 * and onTimeout run the hooks of every app the request entered, in the order it entered them.
 *
 * <p>ORDER: Fastify gives a child context a copy of its parent's hook lists and appends the
 * child's own hooks to it (lib/hooks.js buildHooks), and "except for onClose, all hooks are
 * encapsulated" (docs/Reference/Hooks.md, Scope). So every hook kind runs the parent's hooks
 * first, then the child's, onSend and onError included; fastify 5.12 under node 20 prints
 * T, A, B for each of onRequest, preHandler, onSend (payload "x" becomes "x+T+A+B"), onError,
 * onResponse and onTimeout for a route of B mounted in A mounted in T.
 * <pre>
 *   T.onRequest .. A.onRequest .. B.onRequest .. T/A/B.preHandler -> handler
 *     -> T/A/B.onSend -> T/A/B.onResponse        (any error: T/A/B.onError first)
 * </pre>
 */
final class HookScope {
    final Hooks hooks;
    /** The scope of the app this one is mounted in (with hooks), or null at the outermost. */
    final HookScope outer;
    /** Whether this scope's preHandlers ran; once true, those of every outer scope ran too. */
    private boolean preHandled;

    private HookScope(Hooks hooks, HookScope outer) {
        this.hooks = hooks;
        this.outer = outer;
    }

    /** The request enters app, which has hooks: its scope becomes req.scope; the caller restores the outer one. */
    static void enter(WebApp app, Hooks hooks, WebRequest req, WebResponse res) {
        req.scope = new HookScope(hooks, req.scope);
        if (hooks.onResponse.length > 0 || hooks.onTimeout.length > 0) {
            Entered e = req.entered;
            if (e == null) {
                e = req.entered = new Entered(req, res);
            }
            e.add(app, hooks);
        }
    }

    /** Runs the preHandlers not run yet, outermost first, then done (Fastify's route preHandler list). */
    void preHandler(WebRequest req, WebResponse res, Consumer<Throwable> done) {
        preHandled = true;
        if (outer != null && !outer.preHandled) {
            outer.preHandler(req, res, err -> {
                if (err != null) {
                    done.accept(err);
                } else {
                    hooks.preHandler(req, res, done);
                }
            });
        } else {
            hooks.preHandler(req, res, done);
        }
    }

    boolean preHandled() {
        return preHandled;
    }

    /** Each app's onSend, outermost first, each given the payload the previous one returned. */
    Object onSend(WebRequest req, WebResponse res, Object payload) throws Exception {
        if (outer != null) {
            payload = outer.onSend(req, res, payload);
        }
        return hooks.onSend(req, res, payload);
    }

    void onError(WebRequest req, WebResponse res, Throwable err) {
        if (outer != null) {
            outer.onError(req, res, err);
        }
        hooks.onError(req, res, err);
    }

    /**
     * The apps a request entered whose onResponse or onTimeout hooks observe its end, even after
     * it left them (an Express request can fall through a sub-app and be answered elsewhere).
     */
    static final class Entered {
        private final WebRequest req;
        private final WebResponse res;
        private final List<Hooks> apps = new ArrayList<>(2);
        /** System.nanoTime() when the first of them was entered: onResponse's and the timeout's clock. */
        private final long start = System.nanoTime();
        private boolean timerSet;

        private Entered(WebRequest req, WebResponse res) {
            this.req = req;
            this.res = res;
            res.raw().on("finish", a -> onResponse((System.nanoTime() - start) / 1e6));
        }

        private void add(WebApp app, Hooks hooks) {
            if (apps.contains(hooks)) {
                return; // entered again: its hooks already observe this request, once
            }
            apps.add(hooks);
            if (!timerSet && hooks.onTimeout.length > 0 && app.setting("request timeout") instanceof Number ms
                    && ms.doubleValue() > 0) {
                timerSet = true; // one timer for the request; when it fires every entered app hears it
                double left = Math.max(0, ms.doubleValue() - (System.nanoTime() - start) / 1e6);
                var timer = EventLoop.current().setTimeout(this::onTimeout, left);
                res.raw().on("close", a -> timer.close());
            }
        }

        private void onResponse(double elapsedMillis) {
            for (int i = 0; i < apps.size(); i++) {
                apps.get(i).onResponse(req, res, elapsedMillis);
            }
        }

        void onTimeout() {
            for (int i = 0; i < apps.size(); i++) {
                apps.get(i).onTimeout(req, res);
            }
        }
    }
}
