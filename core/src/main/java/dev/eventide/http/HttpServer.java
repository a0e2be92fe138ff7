package dev.eventide.http;

import java.nio.charset.StandardCharsets;
import dev.eventide.events.Listener;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Task;
import dev.eventide.loop.Timeout;
import dev.eventide.net.NetServer;
import dev.eventide.net.NetServerOptions;
import dev.eventide.net.NetSocket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Node's http.Server: a net server whose connections speak HTTP/1.1. Events: 'request'(req,
 * res), 'checkContinue', 'checkExpectation', 'upgrade' and 'connect'(req, socket, head),
 * 'clientError'(err, socket), plus the net server's. Belongs to the loop that made it; use it
 * on that loop's thread only.
 *
 * <p>Limits take Node's defaults (see {@link HttpServerOptions}); headersTimeout and
 * requestTimeout are checked every connectionsCheckingInterval by one timer for all
 * connections, as Node does. {@link #shutdown} is the graceful stop that drops no request.
 */
public class HttpServer extends NetServer {
    /** The 'request' listener given to createServer. */
    @FunctionalInterface
    public interface RequestListener {
        void handle(IncomingMessage req, ServerResponse res) throws Exception;
    }

    private final EventLoop eventLoop = EventLoop.current();
    private final HttpServerOptions options;
    private final Set<ServerConnection> connections = new LinkedHashSet<>();
    private Http1Settings settings;
    private long headersTimeout;
    private long requestTimeout;
    private long keepAliveTimeout;
    private long timeout;
    private int maxRequestsPerSocket;
    /** "Keep-Alive: timeout=N\r\n" for the current keepAliveTimeout, or null when it is 0. */
    private byte[] keepAliveLine;
    private Timeout checker;
    private Timeout shutdownDeadline;
    private boolean shuttingDown;
    /** During shutdown: how long a connection must stay idle before it is closed. */
    private long quietMs;

    public HttpServer(HttpServerOptions options, RequestListener listener) {
        super(new NetServerOptions().allowHalfOpen(true).noDelay(options == null || options.noDelay), null);
        this.options = options == null ? new HttpServerOptions() : options;
        HttpServerOptions o = this.options;
        settings = Http1Settings.DEFAULTS.withMaxHeaderSize(o.maxHeaderSize).withMaxHeadersCount(o.maxHeadersCount);
        if (o.insecureHTTPParser) {
            settings = settings.withLenient(Http1Lenient.INSECURE);
        }
        headersTimeout = o.headersTimeout;
        requestTimeout = o.requestTimeout;
        keepAliveTimeout(o.keepAliveTimeout);
        maxRequestsPerSocket = o.maxRequestsPerSocket;
        if (listener != null) {
            on("request", a -> listener.handle((IncomingMessage) a[0], (ServerResponse) a[1]));
        }
        on("connection", a -> connections.add(new ServerConnection(this, (NetSocket) a[0])));
        on("listening", a -> startChecker());
    }

    public HttpServer(RequestListener listener) {
        this(null, listener);
    }

    private void startChecker() {
        long every = options.connectionsCheckingInterval;
        if (checker == null && every > 0 && (headersTimeout > 0 || requestTimeout > 0)) {
            checker = eventLoop.setInterval(this::checkConnections, every).unref();
        }
    }

    private void checkConnections() {
        long now = eventLoop.now();
        for (ServerConnection c : new ArrayList<>(connections)) {
            c.checkTimeouts(now, headersTimeout, requestTimeout);
        }
    }

    // ---- closing ----

    /** Stops accepting and closes idle connections (Node 19+); 'close' when the last one ends. */
    @Override
    public HttpServer close(CloseCallback callback) {
        super.close(callback);
        stopChecker();
        closeIdleConnections();
        return this;
    }

    /** Closes every connection that is not receiving or answering a request. */
    public void closeIdleConnections() {
        for (ServerConnection c : new ArrayList<>(connections)) {
            if (c.idle()) {
                c.socket.destroy();
            }
        }
    }

    /** Closes every connection now, busy or not. */
    public void closeAllConnections() {
        for (ServerConnection c : new ArrayList<>(connections)) {
            c.socket.destroy();
        }
    }

    /**
     * Graceful stop: stop accepting, let in-flight requests be answered with Connection: close,
     * close idle connections once they have been quiet for {@code quietMs} (a request the client
     * sent at the moment of closing is then still answered), and force-close whatever remains
     * after {@code deadlineMs}. {@code callback} runs on 'close'.
     */
    public HttpServer shutdown(long deadlineMs, long quietMs, Task callback) {
        shuttingDown = true;
        this.quietMs = quietMs;
        super.close(callback == null ? null : err -> callback.run());
        stopChecker();
        for (ServerConnection c : new ArrayList<>(connections)) {
            if (c.idle()) {
                closeWhenQuiet(c);
            }
        }
        shutdownDeadline = eventLoop.setTimeout(this::closeAllConnections, deadlineMs).unref();
        on("close", a -> shutdownDeadline.close());
        return this;
    }

    /** Graceful stop with a 10 s deadline and a 50 ms quiet time for idle connections. */
    public HttpServer shutdown(Task callback) {
        return shutdown(10_000, 50, callback);
    }

    void closeWhenQuiet(ServerConnection c) {
        long since = c.idleSince;
        eventLoop.setTimeout(() -> {
            if (c.idle() && c.idleSince == since) {
                c.socket.destroy();
            }
        }, Math.max(1, quietMs)).unref();
    }

    private void stopChecker() {
        if (checker != null) {
            checker.close();
            checker = null;
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    void untrack(ServerConnection c) {
        connections.remove(c);
    }

    EventLoop loop() {
        return eventLoop;
    }

    Http1Settings parserSettings() {
        return settings;
    }

    int highWaterMark() {
        return options.highWaterMark;
    }

    boolean requireHostHeader() {
        return options.requireHostHeader;
    }

    byte[] keepAliveLine() {
        return keepAliveLine;
    }

    // ---- Node's settable limits ----

    /** Node's server.timeout: ms of socket inactivity during a request before 'timeout' (0: none, the default). */
    public long timeout() {
        return timeout;
    }

    public HttpServer timeout(long ms) {
        timeout = ms;
        return this;
    }

    /** Node's server.setTimeout(ms, cb): sets {@link #timeout(long)}; cb becomes a 'timeout' listener (gets the socket). */
    public HttpServer setTimeout(long ms, Listener callback) {
        timeout = ms;
        if (callback != null) {
            on("timeout", callback);
        }
        return this;
    }

    public long headersTimeout() {
        return headersTimeout;
    }

    public HttpServer headersTimeout(long ms) {
        headersTimeout = ms;
        return this;
    }

    public long requestTimeout() {
        return requestTimeout;
    }

    public HttpServer requestTimeout(long ms) {
        requestTimeout = ms;
        return this;
    }

    public long keepAliveTimeout() {
        return keepAliveTimeout;
    }

    public HttpServer keepAliveTimeout(long ms) {
        keepAliveTimeout = ms;
        keepAliveLine = ms > 0 ? ("Keep-Alive: timeout=" + (ms / 1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1) : null;
        return this;
    }

    public int maxRequestsPerSocket() {
        return maxRequestsPerSocket;
    }

    public HttpServer maxRequestsPerSocket(int n) {
        maxRequestsPerSocket = n;
        return this;
    }

    public int maxHeadersCount() {
        return settings.maxHeadersCount();
    }

    public HttpServer maxHeadersCount(int n) {
        settings = settings.withMaxHeadersCount(n);
        return this;
    }
}
