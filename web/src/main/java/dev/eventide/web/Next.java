package dev.eventide.web;

/**
 * Express's {@code next}: continues with the following matching layer. Calling it more than
 * once for one handler is a programming error and is ignored after the first call.
 */
public interface Next {
    /** {@code next()}: the next matching middleware or route. */
    void call();

    /** {@code next(err)}: skips to the error handlers; a null error is {@link #call()}. */
    void call(Throwable err);

    /** {@code next('route')}: skips the remaining handlers of the current route. */
    void route();

    /** {@code next('router')}: leaves the current router, continuing in its parent. */
    void router();
}
