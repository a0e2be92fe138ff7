package dev.eventide.web;

/**
 * Error-handling middleware, Express's four-argument {@code (err, req, res, next)}: it runs only
 * once a handler has failed, and either answers or passes the error on with
 * {@code next.call(err)}. Runs on the loop thread.
 */
@FunctionalInterface
public interface ErrorHandler {
    void handle(Throwable err, WebRequest req, WebResponse res, Next next) throws Exception;
}
