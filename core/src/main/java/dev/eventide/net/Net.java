package dev.eventide.net;

import dev.eventide.loop.Task;

/**
 * Node's net module: TCP and Unix-domain servers and connections on the current loop.
 * {@code Net.createServer(socket -> socket.pipe(socket)).listen(8124, "127.0.0.1")}, and
 * {@code Net.connect(8124, "127.0.0.1", () -> ...)}. Stateless; call it on a loop's thread.
 */
public final class Net {
    /** Node's autoSelectFamilyDefault: process-wide, read when a connect starts. */
    private static volatile boolean autoSelectFamilyDefault = true;
    /** Node's autoSelectFamilyAttemptTimeoutDefault, in ms (10 at least). */
    private static volatile int autoSelectFamilyAttemptTimeoutDefault = 250;

    private Net() {}

    public static NetServer createServer() {
        return new NetServer(new NetServerOptions(), null);
    }

    /** A server whose 'connection' listener is {@code listener}. */
    public static NetServer createServer(NetServer.ConnectionListener listener) {
        return new NetServer(new NetServerOptions(), listener);
    }

    public static NetServer createServer(NetServerOptions options, NetServer.ConnectionListener listener) {
        return new NetServer(options, listener);
    }

    /** Connects to {@code port} on localhost. */
    public static NetSocket connect(int port) {
        return connect(new NetConnectOptions().port(port), null);
    }

    public static NetSocket connect(int port, String host) {
        return connect(new NetConnectOptions().port(port).host(host), null);
    }

    /** Connects; {@code onConnect} runs as a once('connect') listener. */
    public static NetSocket connect(int port, String host, Task onConnect) {
        return connect(new NetConnectOptions().port(port).host(host), onConnect);
    }

    /** Connects to the Unix-domain socket at {@code path}. */
    public static NetSocket connect(String path) {
        return connect(new NetConnectOptions().path(path), null);
    }

    public static NetSocket connect(String path, Task onConnect) {
        return connect(new NetConnectOptions().path(path), onConnect);
    }

    public static NetSocket connect(NetConnectOptions options) {
        return connect(options, null);
    }

    /** Node's net.connect(options, cb): a new socket, its timeout set, connecting. */
    public static NetSocket connect(NetConnectOptions options, Task onConnect) {
        NetSocket socket = new NetSocket(options);
        if (options.timeout > 0) {
            socket.setTimeout(options.timeout);
        }
        return socket.connect(options, onConnect);
    }

    /** The same as {@link #connect(int, String, Task)} (Node's alias). */
    public static NetSocket createConnection(int port, String host, Task onConnect) {
        return connect(port, host, onConnect);
    }

    public static NetSocket createConnection(int port, String host) {
        return connect(port, host, null);
    }

    public static NetSocket createConnection(String path, Task onConnect) {
        return connect(path, onConnect);
    }

    public static NetSocket createConnection(NetConnectOptions options, Task onConnect) {
        return connect(options, onConnect);
    }

    public static NetSocket createConnection(NetConnectOptions options) {
        return connect(options, null);
    }

    /** Node's net.isIP: 4, 6, or 0 when {@code input} is not an IP address. */
    public static int isIP(String input) {
        return IpAddresses.isIP(input);
    }

    public static boolean isIPv4(String input) {
        return input != null && IpAddresses.isIPv4(input);
    }

    public static boolean isIPv6(String input) {
        return input != null && IpAddresses.isIPv6(input);
    }

    /** The autoSelectFamily that connect() uses when the options do not say (Node 20: true). */
    public static boolean getDefaultAutoSelectFamily() {
        return autoSelectFamilyDefault;
    }

    /** Sets it for every later connect on any loop; null is ERR_INVALID_ARG_TYPE, as in Node. */
    public static void setDefaultAutoSelectFamily(Boolean value) {
        if (value == null) {
            throw dev.eventide.errors.Errors.invalidArgType("value", "of type boolean", null);
        }
        autoSelectFamilyDefault = value;
    }

    /** The per-attempt timeout of autoSelectFamily in ms when the options do not say (250). */
    public static int getDefaultAutoSelectFamilyAttemptTimeout() {
        return autoSelectFamilyAttemptTimeoutDefault;
    }

    /** Sets it: below 1 is ERR_OUT_OF_RANGE, below 10 becomes 10, as in Node. */
    public static void setDefaultAutoSelectFamilyAttemptTimeout(long value) {
        autoSelectFamilyAttemptTimeoutDefault = Math.max(10, (int) dev.eventide.errors.Errors.requireRange(value, "value", 1, Integer.MAX_VALUE));
    }
}
