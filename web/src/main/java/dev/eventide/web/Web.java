package dev.eventide.web;

import dev.eventide.promise.Thenable;

/**
 * The web layer's entry point, as {@code express} is: {@code Web.app()}, {@code Web.router()},
 * and the shipped middleware, each under the name its npm counterpart is known by. Every
 * factory here calls the {@code create} of the class that documents its options and defaults.
 * Any thread (configuration happens before serving).
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

    // ---- security ----

    /** helmet 8's headers ({@link SecurityHeaders}). */
    public static Handler securityHeaders() {
        return SecurityHeaders.create();
    }

    public static Handler securityHeaders(SecurityHeaders.Options options) {
        return SecurityHeaders.create(options);
    }

    /** express-rate-limit ({@link RateLimit}): fixed or sliding window, token bucket. */
    public static Handler rateLimit(RateLimit.Options options) {
        return RateLimit.create(options);
    }

    /** The cors package ({@link Cors}). */
    public static Handler cors() {
        return Cors.create();
    }

    public static Handler cors(Cors.Options options) {
        return Cors.create(options);
    }

    /** A request id from a safe X-Request-Id or a new UUID ({@link RequestId}). */
    public static Handler requestId() {
        return RequestId.create();
    }

    public static Handler requestId(RequestId.Options options) {
        return RequestId.create(options);
    }

    // ---- bodies, validation, cookies, sessions ----

    /** body-parser's json() ({@link BodyParsers}): 100 KiB, strict, depth-limited. */
    public static Handler json() {
        return BodyParsers.json();
    }

    public static Handler json(BodyOptions options) {
        return BodyParsers.json(options);
    }

    public static Handler urlencoded() {
        return BodyParsers.urlencoded();
    }

    public static Handler urlencoded(BodyOptions options) {
        return BodyParsers.urlencoded(options);
    }

    public static Handler text() {
        return BodyParsers.text();
    }

    public static Handler text(BodyOptions options) {
        return BodyParsers.text(options);
    }

    public static Handler raw() {
        return BodyParsers.raw();
    }

    public static Handler raw(BodyOptions options) {
        return BodyParsers.raw(options);
    }

    /** JSON Schema validation of the body ({@link Validate}; patterns in linear time). */
    public static Handler validate(Object bodySchema) {
        return Validate.body(bodySchema);
    }

    /** Validation of body, query and params together. */
    public static Handler validate(Validate.Options options) {
        return Validate.create(options);
    }

    /** cookie-parser ({@link CookieParser}): signed cookies checked against each secret. */
    public static Handler cookieParser(String... secrets) {
        return CookieParser.create(secrets);
    }

    /** express-session's model ({@link Session}) on a {@link SessionStore}. */
    public static Handler session(Session.Options options) {
        return Session.create(options);
    }

    // ---- files and compression ----

    /** serve-static ({@link ServeStatic}): never leaves its root. */
    public static Handler serveStatic(String root) {
        return ServeStatic.create(root);
    }

    public static Handler serveStatic(String root, ServeStatic.Options options) {
        return ServeStatic.create(root, options);
    }

    /** The compression package ({@link Compression}): gzip, deflate, br when present. */
    public static Handler compression() {
        return Compression.create();
    }

    public static Handler compression(Compression.Options options) {
        return Compression.create(options);
    }

    // ---- operations ----

    /** One JSON line per request ({@link RequestLogger}). */
    public static Handler logger() {
        return RequestLogger.create();
    }

    public static Handler logger(RequestLogger.Options options) {
        return RequestLogger.create(options);
    }

    /** connect-timeout ({@link RequestTimeout}): 503 through the error handlers after {@code ms}. */
    public static Handler timeout(long ms) {
        return RequestTimeout.create(ms);
    }

    public static Handler timeout(long ms, RequestTimeout.Options options) {
        return RequestTimeout.create(ms, options);
    }

    /** Prometheus metrics at /metrics ({@link Metrics}). */
    public static Metrics metrics() {
        return Metrics.create();
    }

    public static Metrics metrics(Metrics.Options options) {
        return Metrics.create(options);
    }

    /** /healthz and /readyz, readiness false during graceful shutdown ({@link Health}). */
    public static Health health() {
        return Health.create();
    }

    public static Health health(Health.Options options) {
        return Health.create(options);
    }
}
