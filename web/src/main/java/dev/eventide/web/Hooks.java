package dev.eventide.web;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Fastify-style lifecycle hooks of a {@link WebApp}, so that logging and metrics need no
 * monkey-patching. Registered at start-up with {@code app.addHook(Hooks.ON_SEND, ...)}; run on
 * the loop thread. A request of an application without hooks never touches this class. A mounted
 * sub-app's hooks run for the requests that enter it, after its parents' (see HookScope).
 *
 * <pre>
 *   onRequest -> middleware (body parsers...) -> preHandler -> route handler -> onSend -> onResponse
 *                              any failure -> onError (once per error) -> error handlers
 * </pre>
 *
 * <ul>
 * <li>onRequest, preHandler: {@link Handler}s run in order; each calls {@code next.call()} to go
 *     on, {@code next.call(err)} to fail, or answers and stops the request there. A sub-app's
 *     onRequest runs when the request enters it. preHandler runs once per app entered, just before
 *     the first route handler inside it.</li>
 * <li>onSend: may replace the payload of send()/json() (a String, Bytes, byte[] or null) before
 *     its ETag and Content-Length are computed. Streams written with write()/end() bypass it.</li>
 * <li>onResponse: after the response finished, with its duration in milliseconds.</li>
 * <li>onTimeout: when the app's "request timeout" setting (ms) passes before the response finished.</li>
 * <li>onError: observes an error on its way to the error handlers; cannot answer.</li>
 * </ul>
 */
public final class Hooks {
    public static final Name<Handler> ON_REQUEST = new Name<>("onRequest", Handler.class);
    public static final Name<Handler> PRE_HANDLER = new Name<>("preHandler", Handler.class);
    public static final Name<SendHook> ON_SEND = new Name<>("onSend", SendHook.class);
    public static final Name<ResponseHook> ON_RESPONSE = new Name<>("onResponse", ResponseHook.class);
    public static final Name<TimeoutHook> ON_TIMEOUT = new Name<>("onTimeout", TimeoutHook.class);
    public static final Name<ErrorHook> ON_ERROR = new Name<>("onError", ErrorHook.class);
    private static final Name<?>[] NAMES = {ON_REQUEST, PRE_HANDLER, ON_SEND, ON_RESPONSE, ON_TIMEOUT, ON_ERROR};

    /** A hook's name and the interface its functions implement. */
    public record Name<T>(String name, Class<T> type) {
    }

    @FunctionalInterface
    public interface SendHook {
        /** Returns the payload to send instead (or the same one). */
        Object onSend(WebRequest req, WebResponse res, Object payload) throws Exception;
    }

    @FunctionalInterface
    public interface ResponseHook {
        void onResponse(WebRequest req, WebResponse res, double elapsedMillis) throws Exception;
    }

    @FunctionalInterface
    public interface TimeoutHook {
        void onTimeout(WebRequest req, WebResponse res) throws Exception;
    }

    @FunctionalInterface
    public interface ErrorHook {
        void onError(WebRequest req, WebResponse res, Throwable err) throws Exception;
    }

    Handler[] onRequest = new Handler[0];
    Handler[] preHandler = new Handler[0];
    SendHook[] onSend = new SendHook[0];
    ResponseHook[] onResponse = new ResponseHook[0];
    TimeoutHook[] onTimeout = new TimeoutHook[0];
    ErrorHook[] onError = new ErrorHook[0];

    static Name<?> name(String name) {
        for (Name<?> n : NAMES) {
            if (n.name.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown hook " + name + " (onRequest, preHandler, onSend, onResponse, onTimeout, onError)");
    }

    void add(Name<?> name, Object hook) {
        if (!name.type.isInstance(hook)) {
            throw new IllegalArgumentException(name.name + " hooks implement " + name.type.getName());
        }
        switch (name.name) {
            case "onRequest" -> onRequest = push(onRequest, (Handler) hook);
            case "preHandler" -> preHandler = push(preHandler, (Handler) hook);
            case "onSend" -> onSend = push(onSend, (SendHook) hook);
            case "onResponse" -> onResponse = push(onResponse, (ResponseHook) hook);
            case "onTimeout" -> onTimeout = push(onTimeout, (TimeoutHook) hook);
            default -> onError = push(onError, (ErrorHook) hook);
        }
    }

    private static <T> T[] push(T[] list, T item) {
        T[] out = Arrays.copyOf(list, list.length + 1);
        out[list.length] = item;
        return out;
    }

    void onRequest(WebRequest req, WebResponse res, Consumer<Throwable> done) {
        new Chain(onRequest, req, res, done).step(null);
    }

    void preHandler(WebRequest req, WebResponse res, Consumer<Throwable> done) {
        if (preHandler.length == 0) {
            done.accept(null); // an outer or inner app has preHandlers and this one none
            return;
        }
        new Chain(preHandler, req, res, done).step(null);
    }

    Object onSend(WebRequest req, WebResponse res, Object payload) throws Exception {
        for (SendHook h : onSend) {
            payload = h.onSend(req, res, payload);
        }
        return payload;
    }

    void onResponse(WebRequest req, WebResponse res, double elapsedMillis) {
        for (ResponseHook h : onResponse) {
            try {
                h.onResponse(req, res, elapsedMillis);
            } catch (Exception e) {
                DefaultErrors.log(req.app(), e); // the response is gone: a failing observer can only be logged
            }
        }
    }

    void onTimeout(WebRequest req, WebResponse res) {
        for (TimeoutHook h : onTimeout) {
            try {
                h.onTimeout(req, res);
            } catch (Exception e) {
                DefaultErrors.log(req.app(), e);
            }
        }
    }

    void onError(WebRequest req, WebResponse res, Throwable err) {
        for (ErrorHook h : onError) {
            try {
                h.onError(req, res, err);
            } catch (Exception e) {
                DefaultErrors.log(req.app(), e);
            }
        }
    }

    /** Runs request hooks in order; the first failure or the end calls done. */
    private static final class Chain implements Next {
        private final Handler[] hooks;
        private final WebRequest req;
        private final WebResponse res;
        private final Consumer<Throwable> done;
        private int index;
        private boolean waiting;

        Chain(Handler[] hooks, WebRequest req, WebResponse res, Consumer<Throwable> done) {
            this.hooks = hooks;
            this.req = req;
            this.res = res;
            this.done = done;
        }

        void step(Throwable err) {
            if (err != null || index == hooks.length) {
                done.accept(err);
                return;
            }
            Handler h = hooks[index++];
            waiting = true;
            try {
                h.handle(req, res, this);
            } catch (dev.eventide.loop.ProcessExit e) {
                throw e;
            } catch (Throwable t) {
                call(t);
            }
        }

        @Override
        public void call() {
            call(null);
        }

        @Override
        public void call(Throwable err) {
            if (waiting) {
                waiting = false;
                step(err);
            }
        }

        @Override
        public void route() {
            call(null);
        }

        @Override
        public void router() {
            call(null);
        }
    }
}
