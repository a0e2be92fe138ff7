package dev.eventide.net;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.events.EventEmitter;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Task;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node's net.Server: listens on a TCP port or a Unix-domain socket path and emits 'connection'
 * with a {@link NetSocket} for each client; also 'listening', 'close', 'error' and 'drop'.
 * Belongs to the loop that made it; use it on that loop's thread only.
 *
 * <p>As in Node, close() stops accepting at once, and 'close' follows (in a nextTick) when the
 * last connection has been destroyed. A listening, ref'd server keeps its loop alive.
 */
public class NetServer extends EventEmitter implements ListenHandle.Owner {
    /** The 'connection' listener given to createServer. */
    @FunctionalInterface
    public interface ConnectionListener {
        void onConnection(NetSocket socket) throws Exception;
    }

    /** close(cb)'s callback: null, or ERR_SERVER_NOT_RUNNING. */
    @FunctionalInterface
    public interface CloseCallback {
        void call(Throwable err) throws Exception;
    }

    /** getConnections(cb)'s callback. */
    @FunctionalInterface
    public interface ConnectionsCallback {
        void call(Throwable err, int count) throws Exception;
    }

    final EventLoop loop;
    final NetServerOptions options;
    /** The listening socket, or null before listen() has bound and after close(). */
    private ListenHandle handle;
    /** True from listen() until close(): a host lookup may still be running. */
    private boolean listenCalled;
    /** Connected sockets not yet destroyed (Node's _connections). */
    int connections;
    private Integer maxConnections;
    private boolean unrefed;
    /** Whether the socket listens on "::" for IPv4 too: peers then show as ::ffff:a.b.c.d. */
    private boolean dualStack;

    public NetServer() {
        this(new NetServerOptions(), null);
    }

    public NetServer(NetServerOptions options, ConnectionListener listener) {
        this.loop = EventLoop.current();
        this.options = options == null ? new NetServerOptions() : options;
        if (listener != null) {
            on("connection", args -> listener.onConnection((NetSocket) args[0]));
        }
    }

    // ---- listen ----

    /** Listens on a port the system picks, on every address. */
    public NetServer listen() {
        return listen(new NetListenOptions().port(0), null);
    }

    public NetServer listen(Task callback) {
        return listen(new NetListenOptions().port(0), callback);
    }

    public NetServer listen(int port) {
        return listen(new NetListenOptions().port(port), null);
    }

    public NetServer listen(int port, Task callback) {
        return listen(new NetListenOptions().port(port), callback);
    }

    public NetServer listen(int port, String host) {
        return listen(new NetListenOptions().port(port).host(host), null);
    }

    public NetServer listen(int port, String host, Task callback) {
        return listen(new NetListenOptions().port(port).host(host), callback);
    }

    public NetServer listen(int port, String host, int backlog, Task callback) {
        return listen(new NetListenOptions().port(port).host(host).backlog(backlog), callback);
    }

    /** Listens on a Unix-domain socket at {@code path}. */
    public NetServer listen(String path) {
        return listen(new NetListenOptions().path(path), null);
    }

    public NetServer listen(String path, Task callback) {
        return listen(new NetListenOptions().path(path), callback);
    }

    /**
     * Node's server.listen(options, cb): binds now (a host name is looked up first), then emits
     * 'listening' (and runs {@code callback}) in a nextTick, or 'error' with EADDRINUSE and co.
     */
    public NetServer listen(NetListenOptions o, Task callback) {
        loop.checkOwner("NetServer.listen");
        if (handle != null) {
            throw ErrorCode.ERR_SERVER_ALREADY_LISTEN.make();
        }
        if (callback != null) {
            once("listening", args -> callback.run());
        }
        listenCalled = true;
        if (o.path != null) {
            bind(UnixDomainSocketAddress.of(o.path), o.path, null, o);
            return this;
        }
        int port = o.port == null ? 0 : o.port;
        if (port < 0 || port > 0xFFFF) {
            throw Errors.badPort("options.port", port);
        }
        if (o.host == null) {
            bindWildcard(port, o);
        } else {
            Lookup.lookup(loop, o.host, 0, (address, err) -> {
                if (err != null) {
                    emit("error", err);
                } else if (listenCalled && handle == null) {
                    bind(new InetSocketAddress(address, port), IpAddresses.format(address), port, o);
                }
            });
        }
        return this;
    }

    /** Node tries "::" (IPv6 and IPv4) first, and 0.0.0.0 when the system has no IPv6. */
    private void bindWildcard(int port, NetListenOptions o) {
        try {
            InetSocketAddress any6 = new InetSocketAddress(InetAddress.getByName("::"), port);
            handle = ListenHandle.open(loop, any6, o.backlog, o.reusePort, o.ipv6Only);
            dualStack = !o.ipv6Only;
            started("::", port);
        } catch (IOException e) {
            if (Errno.of(e) == Errno.EADDRINUSE || Errno.of(e) == Errno.EACCES) {
                failed(e, "::", port);
            } else {
                bind(new InetSocketAddress(port), "0.0.0.0", port, o);
            }
        }
    }

    private void bind(SocketAddress address, String text, Integer port, NetListenOptions o) {
        try {
            handle = ListenHandle.open(loop, address, o.backlog, o.reusePort, o.ipv6Only);
        } catch (IOException e) {
            failed(e, text, port);
            return;
        }
        dualStack = false;
        started(text, port);
    }

    private void failed(IOException e, String address, Integer port) {
        NetError error = NetError.uvWithHostPort(Errno.of(e), "listen", address, port, e);
        loop.nextTick(() -> emit("error", error));
    }

    private void started(String address, Integer port) {
        handle.listen(this);
        if (unrefed) {
            handle.ref(false);
        }
        loop.nextTick(() -> {
            if (handle != null) {
                emit("listening");
            }
        });
    }

    // ---- connections ----

    @Override
    public void onConnection(SocketChannel channel) {
        if (maxConnections != null && connections >= maxConnections) {
            emit("drop", dropInfo(channel));
            try {
                channel.close();
            } catch (IOException ignored) {
                // Dropped either way.
            }
            return;
        }
        SocketHandle h;
        try {
            h = SocketHandle.accepted(loop, channel, handle.unixPath != null);
        } catch (IOException e) {
            onAcceptError(e);
            return;
        }
        NetSocket socket = new NetSocket(this, h, options, dualStack);
        connections++;
        emit("connection", socket);
    }

    private Map<String, Object> dropInfo(SocketChannel channel) {
        Map<String, Object> info = new LinkedHashMap<>();
        try {
            NetAddress local = IpAddresses.describe(channel.getLocalAddress(), dualStack);
            NetAddress remote = IpAddresses.describe(channel.getRemoteAddress(), dualStack);
            if (local != null && !local.isUnix()) {
                info.put("localAddress", local.address());
                info.put("localPort", local.port());
                info.put("localFamily", local.family());
            }
            if (remote != null && !remote.isUnix()) {
                info.put("remoteAddress", remote.address());
                info.put("remotePort", remote.port());
                info.put("remoteFamily", remote.family());
            }
        } catch (IOException ignored) {
            // The peer may be gone already; report what is known.
        }
        return info;
    }

    @Override
    public void onAcceptError(IOException error) {
        emit("error", NetError.errno(Errno.of(error), "accept", error));
    }

    /** Called by a socket of this server when it is destroyed. */
    void connectionClosed() {
        connections--;
        emitCloseIfDrained();
    }

    private void emitCloseIfDrained() {
        if (handle != null || connections > 0) {
            return;
        }
        loop.nextTick(() -> emit("close"));
    }

    // ---- close, state ----

    /** Stops accepting; 'close' comes when every connection has ended. */
    public NetServer close() {
        return close((CloseCallback) null);
    }

    public NetServer close(Task callback) {
        return close(callback == null ? null : err -> callback.run());
    }

    /** As close(); {@code callback} gets ERR_SERVER_NOT_RUNNING if the server was not listening. */
    public NetServer close(CloseCallback callback) {
        loop.checkOwner("NetServer.close");
        if (callback != null) {
            Throwable err = handle == null ? ErrorCode.ERR_SERVER_NOT_RUNNING.make() : null;
            once("close", args -> callback.call(err));
        }
        listenCalled = false;
        if (handle != null) {
            handle.close();
            handle = null;
        }
        emitCloseIfDrained();
        return this;
    }

    /** Node's server.listening. */
    public boolean listening() {
        return handle != null;
    }

    /** Where the server listens, or null when it does not. */
    public NetAddress address() {
        if (handle == null) {
            return null;
        }
        if (handle.unixPath != null) {
            return new NetAddress(handle.unixPath.toString(), "Unix", -1);
        }
        SocketAddress local = handle.localAddress();
        if (local instanceof InetSocketAddress isa && isa.getAddress() instanceof Inet6Address) {
            return new NetAddress(IpAddresses.format(isa.getAddress()), "IPv6", isa.getPort());
        }
        return IpAddresses.describe(local, false);
    }

    /** Node's server.getConnections(cb): the count, in a nextTick. */
    public NetServer getConnections(ConnectionsCallback callback) {
        int n = connections;
        loop.nextTick(() -> callback.call(null, n));
        return this;
    }

    /** The number of open connections, now. */
    public int connections() {
        return connections;
    }

    /** Node's server.maxConnections: null for no limit. */
    public Integer maxConnections() {
        return maxConnections;
    }

    /** Connections past this count are closed at once (and reported with 'drop'). */
    public NetServer maxConnections(Integer max) {
        this.maxConnections = max;
        return this;
    }

    /** Lets the listening server keep the loop alive (the default). */
    public NetServer ref() {
        unrefed = false;
        if (handle != null) {
            handle.ref(true);
        }
        return this;
    }

    /** The loop may end while the server still listens. */
    public NetServer unref() {
        unrefed = true;
        if (handle != null) {
            handle.ref(false);
        }
        return this;
    }
}
