package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;

/**
 * The request timeout middleware ({@code Web.timeout(ms)}), connect-timeout's behaviour: after
 * {@code ms}, if the response has not started, the request is marked ({@code req.attr("timedout")}
 * is true), 'timeout' is emitted on the raw request with the delay, and (unless
 * {@code respond(false)}) {@code next(HttpError(503, ERR_RESPONSE_TIMEOUT))}
 * is called once, so the application's error handlers answer 503. The timer is cleared when the response
 * finishes or the connection closes; a response whose headers went out in time is left alone.
 *
 * <p>A handler that finishes late does no harm: {@code res.write}/{@code res.end} on the ended
 * response only fail their own callbacks (the core's ServerResponse emits no 'error' once it has
 * finished), and {@code res.set}/{@code res.send} throw ERR_HTTP_HEADERS_SENT as in Express,
 * which reaches the error handlers of an async handler. Put {@link #haltOnTimedout()} between
 * slow steps, as connect-timeout advises. Loop thread.
 */
public final class RequestTimeout {
    /** The attribute that says the request timed out. */
    public static final String TIMEDOUT = "timedout";

    private RequestTimeout() {
    }

    /** connect-timeout's options. */
    public static final class Options {
        boolean respond = true;

        /** false: only mark the request and emit 'timeout'; the application answers. */
        public Options respond(boolean respond) {
            this.respond = respond;
            return this;
        }
    }

    public static Handler create(long ms) {
        return create(ms, new Options());
    }

    public static Handler create(long ms, Options options) {
        if (ms <= 0) {
            throw new IllegalArgumentException("timeout must be a positive number of milliseconds: " + ms);
        }
        boolean respond = options.respond;
        return (req, res, next) -> {
            req.attr(TIMEDOUT, false);
            Timeout timer = EventLoop.current().setTimeout(() -> fire(ms, respond, req, res), ms).unref();
            res.on("finish", a -> timer.close());
            res.on("close", a -> timer.close());
            next.call();
        };
    }

    /** Whether {@code req} timed out (connect-timeout's req.timedout). */
    public static boolean timedout(WebRequest req) {
        return Boolean.TRUE.equals(req.attr(TIMEDOUT));
    }

    /** Middleware that stops the chain for a request that timed out (connect-timeout's haltOnTimedout). */
    public static Handler haltOnTimedout() {
        return (req, res, next) -> {
            if (!timedout(req)) {
                next.call();
            }
        };
    }

    private static void fire(long ms, boolean respond, WebRequest req, WebResponse res) {
        if (res.headersSent() || res.raw().writableEnded()) {
            return; // the response is under way: cutting it short would corrupt it
        }
        req.attr(TIMEDOUT, true);
        req.raw().emit("timeout", ms);
        req.app().fireTimeout(req, res); // the app's onTimeout hooks, as Fastify's
        if (!respond) {
            return;
        }
        toErrorHandlers(req, res, new HttpError(503, ErrorCode.ERR_RESPONSE_TIMEOUT));
    }

    /**
     * connect-timeout's {@code next(err)}. Here a handler's next counts only once, and this
     * middleware already called it to continue, so the error starts a new walk of the
     * application's error handlers from the top (with the URL as received), then goes to the
     * default error handler, as an error no handler answered does.
     */
    private static void toErrorHandlers(WebRequest req, WebResponse res, HttpError err) {
        req.url(req.originalUrl());
        req.baseUrl("");
        Next last = new Next() {
            @Override
            public void call() {
                call(err);
            }

            @Override
            public void call(Throwable e) {
                DefaultErrors.answer(req.app(), e == null ? err : e, req, res);
            }

            @Override
            public void route() {
                call(err);
            }

            @Override
            public void router() {
                call(err);
            }
        };
        new Dispatch(req.app(), req, res, last).next(err);
    }
}
