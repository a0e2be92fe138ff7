package dev.eventide.web;

import dev.eventide.promise.Thenable;

/**
 * The web layer's entry point, as {@code express} is: {@code Web.app()}, {@code Web.router()},
 * and the shipped middleware. Any thread (configuration happens before serving).
 */
public final class Web {
    private Web() {
    }

    public static WebApp app() {
        return new WebApp();
    }

    public static Router router() {
        return new Router();
    }

    /**
     * A handler from one that returns a Promise: its rejection goes to the error handlers, as
     * Express 5's router does (a rejection without a reason becomes "Rejected promise").
     */
    public static Handler async(AsyncHandler handler) {
        return (req, res, next) -> {
            Thenable<?> result = handler.handle(req, res, next);
            if (result != null) {
                result.subscribe(v -> { }, err -> next.call(err != null ? err : new IllegalStateException("Rejected promise")));
            }
        };
    }
}
