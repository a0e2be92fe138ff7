package dev.eventide.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.util.List;

/**
 * The connecting part of a {@link NetSocket} (Node's lookupAndConnect and internalConnect): a
 * path connects at once, an IP literal in a nextTick, a host name after its lookup ('lookup'
 * event); when a name has several addresses, a refused attempt moves on to the next one (a
 * sequential form of Node's autoSelectFamily). Runs on the socket's loop thread.
 */
final class Connector {
    private final NetSocket socket;
    private NetConnectOptions options;
    private List<InetAddress> candidates = List.of();
    private int next;

    Connector(NetSocket socket) {
        this.socket = socket;
    }

    void start(NetConnectOptions o) {
        this.options = o;
        if (o.path != null) {
            connectPath(o.path);
            return;
        }
        int port = o.port;
        if (port < 0 || port > 0xFFFF) {
            throw dev.eventide.errors.Errors.badPort("Port", port);
        }
        if (o.localAddress != null && IpAddresses.isIP(o.localAddress) == 0) {
            throw dev.eventide.errors.ErrorCode.ERR_INVALID_IP_ADDRESS.make(o.localAddress);
        }
        String host = o.host == null || o.host.isEmpty() ? "localhost" : o.host;
        boolean literal = IpAddresses.isIP(host) != 0;
        Lookup.lookupAll(socket.loop(), host, o.family, (addresses, err) -> {
            if (!literal) {
                InetAddress first = err == null ? addresses.get(0) : null;
                socket.emit("lookup", err, first == null ? null : IpAddresses.format(first),
                        first == null ? null : (first instanceof Inet6Address ? 6 : 4), host);
            }
            if (!socket.connecting) {
                return;
            }
            if (err != null) {
                socket.loop().nextTick(() -> socket.destroy(err));
                return;
            }
            candidates = addresses;
            next = 0;
            connectNext();
        });
    }

    private void connectPath(String path) {
        socket.connectAddress = path;
        socket.connectPort = null;
        SocketHandle h;
        try {
            h = SocketHandle.open(socket.loop(), StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            socket.destroy(NetError.errno(Errno.of(e), "socket", e));
            return;
        }
        socket.attach(h);
        h.connect(UnixDomainSocketAddress.of(path));
    }

    private void connectNext() {
        InetAddress address = candidates.get(next++);
        socket.connectAddress = IpAddresses.format(address);
        socket.connectPort = options.port;
        SocketHandle h;
        try {
            h = SocketHandle.open(socket.loop(),
                    address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        } catch (IOException e) {
            socket.destroy(NetError.errno(Errno.of(e), "socket", e));
            return;
        }
        socket.attach(h);
        if (options.localAddress != null || options.localPort != 0) {
            String localAddress = options.localAddress != null ? options.localAddress
                    : address instanceof Inet6Address ? "::" : "0.0.0.0";
            try {
                h.bind(new InetSocketAddress(InetAddress.getByName(localAddress), options.localPort));
            } catch (IOException e) {
                socket.destroy(NetError.withHostPort(Errno.of(e), "bind", localAddress, options.localPort, null, e));
                return;
            }
        }
        h.connect(new InetSocketAddress(address, options.port));
    }

    /** After a failed attempt: tries the next address of the lookup, if any; true if it did. */
    boolean retry(IOException error) {
        if (options == null || options.path != null || next >= candidates.size()) {
            return false;
        }
        SocketHandle failed = socket.handle;
        socket.handle = null;
        failed.close(() -> { });
        connectNext();
        return true;
    }

    /** Node's ExceptionWithHostPort for a failed connect: "connect ECONNREFUSED 127.0.0.1:80". */
    NetError error(IOException e) {
        return NetError.withHostPort(Errno.of(e), "connect", socket.connectAddress, socket.connectPort, null, e);
    }
}
