package dev.eventide.web;

import dev.eventide.promise.Thenable;

/**
 * A handler that returns a Promise (or any Thenable), as an Express 5 async function does: a
 * rejection reaches the error handlers. Wrap it with {@link Web#async(AsyncHandler)}; a null
 * result counts as fulfilled. Runs on the loop thread.
 */
@FunctionalInterface
public interface AsyncHandler {
    Thenable<?> handle(WebRequest req, WebResponse res, Next next) throws Exception;
}
