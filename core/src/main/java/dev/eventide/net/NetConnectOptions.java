package dev.eventide.net;

import dev.eventide.events.AbortSignal;

/**
 * The options of Node's {@code net.connect(options)} and {@code new net.Socket(options)}, as a
 * fluent builder: {@code new NetConnectOptions().port(80).host("example.com").noDelay(true)}.
 * Give a port (TCP) or a path (Unix-domain socket). Unset values take Node's defaults. Mutable;
 * read once by connect(), on the loop's thread.
 */
public final class NetConnectOptions {
    Integer port;
    String host;
    String path;
    String localAddress;
    int localPort;
    int family;
    /** getaddrinfo flags for the lookup (0: dns.ADDRCONFIG when no family is asked for). */
    int hints;
    /** Resolves the host in place of the system's lookup; null: the system's. */
    NetLookup lookup;
    /** Happy eyeballs; null: Net.getDefaultAutoSelectFamily() when connect() runs. */
    Boolean autoSelectFamily;
    /** Per-attempt timeout in ms; null: Net.getDefaultAutoSelectFamilyAttemptTimeout(). */
    Integer autoSelectFamilyAttemptTimeout;
    int timeout;
    boolean noDelay;
    boolean keepAlive;
    int keepAliveInitialDelay;
    boolean allowHalfOpen;
    Integer highWaterMark;
    Integer readableHighWaterMark;
    Integer writableHighWaterMark;
    /** Aborting it destroys the socket with an AbortError; null: none. */
    AbortSignal signal;

    /** The TCP port to connect to. */
    public NetConnectOptions port(int port) {
        this.port = port;
        return this;
    }

    /** Host name or IP address (default "localhost"). */
    public NetConnectOptions host(String host) {
        this.host = host;
        return this;
    }

    /** A Unix-domain socket path: connect there instead of TCP. */
    public NetConnectOptions path(String path) {
        this.path = path;
        return this;
    }

    /** Local IP address to bind before connecting. */
    public NetConnectOptions localAddress(String address) {
        this.localAddress = address;
        return this;
    }

    public NetConnectOptions localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** 4 or 6 to resolve the host to that family only; 0 (default) for either. */
    public NetConnectOptions family(int family) {
        this.family = family;
        return this;
    }

    /** getaddrinfo flags (dns.ADDRCONFIG 32, V4MAPPED 8, ALL 16), passed to the lookup. */
    public NetConnectOptions hints(int hints) {
        this.hints = hints;
        return this;
    }

    /** A custom host name lookup (Node's lookup option) in place of the system's resolver. */
    public NetConnectOptions lookup(NetLookup lookup) {
        this.lookup = lookup;
        return this;
    }

    /**
     * Node's happy eyeballs (RFC 8305's connection attempts): when the host has several
     * addresses, try them one by one, alternating IPv6 and IPv4, giving each attempt
     * autoSelectFamilyAttemptTimeout ms before moving on. Off when a family or a localAddress
     * is given. Default: Net.getDefaultAutoSelectFamily() (true).
     */
    public NetConnectOptions autoSelectFamily(boolean on) {
        this.autoSelectFamily = on;
        return this;
    }

    /** How long one attempt may take before the next address is tried: at least 1 (10 is used below 10). */
    public NetConnectOptions autoSelectFamilyAttemptTimeout(int ms) {
        this.autoSelectFamilyAttemptTimeout = ms;
        return this;
    }

    /** socket.setTimeout(ms) right away: 'timeout' after that much inactivity. */
    public NetConnectOptions timeout(int ms) {
        this.timeout = ms;
        return this;
    }

    /** TCP_NODELAY once connected (Node's noDelay). */
    public NetConnectOptions noDelay(boolean on) {
        this.noDelay = on;
        return this;
    }

    /** SO_KEEPALIVE once connected. */
    public NetConnectOptions keepAlive(boolean on) {
        this.keepAlive = on;
        return this;
    }

    /** Idle time in ms before the first keep-alive probe. */
    public NetConnectOptions keepAliveInitialDelay(int ms) {
        this.keepAliveInitialDelay = ms;
        return this;
    }

    /** false (default): when the peer ends, end our side too. */
    public NetConnectOptions allowHalfOpen(boolean on) {
        this.allowHalfOpen = on;
        return this;
    }

    public NetConnectOptions highWaterMark(int bytes) {
        this.highWaterMark = bytes;
        return this;
    }

    public NetConnectOptions readableHighWaterMark(int bytes) {
        this.readableHighWaterMark = bytes;
        return this;
    }

    public NetConnectOptions writableHighWaterMark(int bytes) {
        this.writableHighWaterMark = bytes;
        return this;
    }

    /** Node's {@code signal} option: aborting it destroys the socket with an AbortError. */
    public NetConnectOptions signal(AbortSignal signal) {
        this.signal = signal;
        return this;
    }
}
