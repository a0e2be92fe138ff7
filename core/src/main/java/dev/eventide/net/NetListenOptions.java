package dev.eventide.net;

/**
 * The options of Node's {@code server.listen(options)}, as a fluent builder: a port (and host),
 * or a Unix-domain socket path. Mutable; read once by listen(), on the loop's thread.
 */
public final class NetListenOptions {
    Integer port;
    String host;
    String path;
    int backlog;
    boolean reusePort;
    boolean ipv6Only;

    /** The TCP port; 0 lets the system pick one (read it back with server.address()). */
    public NetListenOptions port(int port) {
        this.port = port;
        return this;
    }

    /** The address to bind; without one the server listens on every address ("::", or "0.0.0.0"). */
    public NetListenOptions host(String host) {
        this.host = host;
        return this;
    }

    /** A Unix-domain socket path to listen on instead of a port. */
    public NetListenOptions path(String path) {
        this.path = path;
        return this;
    }

    /** The accept queue's length (default 511, as Node). */
    public NetListenOptions backlog(int backlog) {
        this.backlog = backlog;
        return this;
    }

    /**
     * SO_REUSEPORT: several sockets (in other loops or processes) may listen on the same port, and
     * the kernel spreads incoming connections among them. Node 22.12's listen({reusePort}).
     */
    public NetListenOptions reusePort(boolean on) {
        this.reusePort = on;
        return this;
    }

    /** Listen on IPv6 only, not on IPv4 too (for "::"). */
    public NetListenOptions ipv6Only(boolean on) {
        this.ipv6Only = on;
        return this;
    }
}
