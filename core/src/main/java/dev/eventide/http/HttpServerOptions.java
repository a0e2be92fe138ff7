package dev.eventide.http;

/**
 * The options of Node's {@code http.createServer(options)}, as a fluent builder with Node 20's
 * defaults. Mutable; read by the server when it is made (the limits can also be changed on the
 * server afterwards, as in Node).
 */
public final class HttpServerOptions {
    int maxHeaderSize = 16 * 1024;
    long headersTimeout = 60_000;
    long requestTimeout = 300_000;
    long keepAliveTimeout = 5_000;
    long connectionsCheckingInterval = 30_000;
    int maxHeadersCount = 2000;
    int maxRequestsPerSocket;
    boolean requireHostHeader = true;
    boolean insecureHTTPParser;
    boolean noDelay = true;
    int highWaterMark = 64 * 1024;

    /** Bytes of request line and headers before 431 (default 16 KiB). */
    public HttpServerOptions maxHeaderSize(int bytes) {
        this.maxHeaderSize = bytes;
        return this;
    }

    /** ms to receive a request's head before 408 (default 60 s). */
    public HttpServerOptions headersTimeout(long ms) {
        this.headersTimeout = ms;
        return this;
    }

    /** ms to receive a whole request before 408 (default 300 s; 0 turns it off). */
    public HttpServerOptions requestTimeout(long ms) {
        this.requestTimeout = ms;
        return this;
    }

    /** ms an idle keep-alive connection stays open (default 5 s; 0 keeps it forever). */
    public HttpServerOptions keepAliveTimeout(long ms) {
        this.keepAliveTimeout = ms;
        return this;
    }

    /** How often headersTimeout and requestTimeout are checked (default 30 s, as Node). */
    public HttpServerOptions connectionsCheckingInterval(long ms) {
        this.connectionsCheckingInterval = ms;
        return this;
    }

    /** Header lines kept per request (default 2000; 0: no limit). */
    public HttpServerOptions maxHeadersCount(int count) {
        this.maxHeadersCount = count;
        return this;
    }

    /** Requests one connection may carry before it is closed (default 0: no limit). */
    public HttpServerOptions maxRequestsPerSocket(int count) {
        this.maxRequestsPerSocket = count;
        return this;
    }

    /** Answer HTTP/1.1 requests without Host with 400 (default true). */
    public HttpServerOptions requireHostHeader(boolean on) {
        this.requireHostHeader = on;
        return this;
    }

    /** Node's insecureHTTPParser: llhttp's lenient flags (request smuggling risk). */
    public HttpServerOptions insecureHTTPParser(boolean on) {
        this.insecureHTTPParser = on;
        return this;
    }

    /** TCP_NODELAY on accepted connections (default true, as Node's http server). */
    public HttpServerOptions noDelay(boolean on) {
        this.noDelay = on;
        return this;
    }

    /** highWaterMark of requests and responses (default 64 KiB). */
    public HttpServerOptions highWaterMark(int bytes) {
        this.highWaterMark = bytes;
        return this;
    }
}
