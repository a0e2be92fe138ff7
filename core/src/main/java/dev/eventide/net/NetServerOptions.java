package dev.eventide.net;

/**
 * The options of Node's {@code net.createServer(options)}, as a fluent builder. Unset values
 * take Node's defaults. Mutable; read once by the server's constructor.
 */
public final class NetServerOptions {
    boolean allowHalfOpen;
    boolean pauseOnConnect;
    boolean noDelay;
    boolean keepAlive;
    int keepAliveInitialDelay;
    Integer highWaterMark;

    /** false (default): an accepted socket ends its side when the peer ends. */
    public NetServerOptions allowHalfOpen(boolean on) {
        this.allowHalfOpen = on;
        return this;
    }

    /** Accepted sockets start paused: no reads until resume(). */
    public NetServerOptions pauseOnConnect(boolean on) {
        this.pauseOnConnect = on;
        return this;
    }

    /** TCP_NODELAY on every accepted socket. */
    public NetServerOptions noDelay(boolean on) {
        this.noDelay = on;
        return this;
    }

    /** SO_KEEPALIVE on every accepted socket. */
    public NetServerOptions keepAlive(boolean on) {
        this.keepAlive = on;
        return this;
    }

    public NetServerOptions keepAliveInitialDelay(int ms) {
        this.keepAliveInitialDelay = ms;
        return this;
    }

    /** Both highWaterMarks of accepted sockets. */
    public NetServerOptions highWaterMark(int bytes) {
        this.highWaterMark = bytes;
        return this;
    }
}
