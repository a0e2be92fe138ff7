package dev.eventide.web;

/**
 * A middleware or route handler, Express's {@code (req, res, next)}. It either answers through
 * {@code res} or calls {@code next} once. An exception it throws goes to the error handlers, as
 * {@code next.call(err)} would. A handler that returns a Promise is written as an
 * {@link AsyncHandler} and wrapped with {@link Web#async}. Runs on the loop thread.
 */
@FunctionalInterface
public interface Handler {
    void handle(WebRequest req, WebResponse res, Next next) throws Exception;
}
