package dev.eventide.net;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.errors.Errors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.util.List;

/**
 * The connecting part of a {@link NetSocket} (Node 20's lookupAndConnect and internalConnect):
 * a path connects at once, an IP literal in a nextTick, a host name after its lookup ('lookup'
 * events). With autoSelectFamily (the default) and several addresses, {@link ConnectAttempts}
 * tries them in turn; otherwise the first address is the only one. Every attempt is announced
 * with 'connectionAttempt' and a failed one with 'connectionAttemptFailed'. Runs on the
 * socket's loop thread.
 */
final class Connector {
    /** dns.ADDRCONFIG, V4MAPPED and ALL as Node defines them on Linux. */
    static final int ADDRCONFIG = 32;
    private static final int VALID_HINTS = ADDRCONFIG | 8 | 16;

    private final NetSocket socket;
    private NetConnectOptions options;
    /** The attempts of an autoSelectFamily connect to several addresses, else null. */
    private ConnectAttempts attempts;
    /** The single connect's failure, made when it was reported, for error(). */
    private NetError failure;
    /** The single connect's address, port and family (4, 6, or 0 for a path), for its events. */
    private String address;
    private int family;

    Connector(NetSocket socket) {
        this.socket = socket;
    }

    void start(NetConnectOptions o) {
        this.options = o;
        this.attempts = null;
        this.failure = null;
        if (o.path != null) {
            connectPath(o.path);
            return;
        }
        if (o.localAddress != null && IpAddresses.isIP(o.localAddress) == 0) {
            throw dev.eventide.errors.ErrorCode.ERR_INVALID_IP_ADDRESS.make(o.localAddress);
        }
        int port = o.port;
        if (port < 0 || port > 0xFFFF) {
            throw dev.eventide.errors.Errors.badPort("Port", port);
        }
        boolean auto = o.autoSelectFamily != null ? o.autoSelectFamily : Net.getDefaultAutoSelectFamily();
        int attemptTimeout = attemptTimeout(o);
        String host = o.host == null || o.host.isEmpty() ? "localhost" : o.host;
        int literal = IpAddresses.isIP(host);
        if (literal != 0) {
            socket.loop().nextTick(() -> {
                if (socket.connecting) {
                    connectOne(host, literal);
                }
            });
            return;
        }
        NetLookup lookup = o.lookup != null ? o.lookup : systemLookup(o);
        int hints = o.hints == 0 && o.family != 4 && o.family != 6 ? ADDRCONFIG : o.hints;
        boolean all = o.family != 4 && o.family != 6 && o.localAddress == null && auto;
        NetLookup.Request request = new NetLookup.Request(o.family, hints, all);
        lookup.lookup(host, request, (err, addresses) -> onLoop(() -> {
            if (all) {
                lookedUpAll(host, err, addresses, attemptTimeout);
            } else {
                lookedUpOne(host, err, addresses == null || addresses.isEmpty() ? null : addresses.get(0));
            }
        }));
    }

    /** Node's check of autoSelectFamilyAttemptTimeout: 1 at least, and below 10 it is 10. */
    private static int attemptTimeout(NetConnectOptions o) {
        if (o.autoSelectFamilyAttemptTimeout == null) {
            return Net.getDefaultAutoSelectFamilyAttemptTimeout();
        }
        return Math.max(10, (int) dev.eventide.errors.Errors.requireRange(o.autoSelectFamilyAttemptTimeout,
                "options.autoSelectFamilyAttemptTimeout", 1, Integer.MAX_VALUE));
    }

    /** dns.lookup's own checks, which Node makes only when no lookup function is given. */
    private NetLookup systemLookup(NetConnectOptions o) {
        if (o.family != 0 && o.family != 4 && o.family != 6) {
            throw Errors.invalidArgValue("options.family", o.family, "must be one of: 0, 4, 6");
        }
        if ((o.hints & ~VALID_HINTS) != 0) {
            throw Errors.invalidArgValue("hints", o.hints, "is invalid");
        }
        return Lookup.system(socket.loop());
    }

    /** A lookup function may answer from another thread: its answer is posted to the loop. */
    private void onLoop(Runnable r) {
        if (socket.loop().inLoop()) {
            r.run();
        } else {
            socket.loop().execute(r);
        }
    }

    /** Node's emitLookup for one address: 'lookup', then connect or fail in a nextTick. */
    private void lookedUpOne(String host, Throwable err, LookupAddress first) {
        String ip = first == null ? null : first.address();
        Integer fam = first == null ? null : first.family();
        socket.emit("lookup", err, ip, fam, host);
        if (!socket.connecting) {
            return;
        }
        Throwable bad = err != null ? err
                : ip == null || IpAddresses.isIP(ip) == 0 ? dev.eventide.errors.ErrorCode.ERR_INVALID_IP_ADDRESS.make(ip == null ? "undefined" : ip)
                : fam != 4 && fam != 6 ? dev.eventide.errors.ErrorCode.ERR_INVALID_ADDRESS_FAMILY.make(fam, options.host, options.port)
                : null;
        if (bad != null) {
            socket.loop().nextTick(() -> socket.destroy(bad));
            return;
        }
        socket.unrefTimer();
        connectOne(ip, fam);
    }

    /** Node's lookupAndConnectMultiple: 'lookup' per address, then the attempts in family order. */
    private void lookedUpAll(String host, Throwable err, List<LookupAddress> addresses, int attemptTimeout) {
        if (!socket.connecting) {
            return;
        }
        if (err != null) {
            socket.emit("lookup", err, null, null, host);
            socket.loop().nextTick(() -> socket.destroy(err));
            return;
        }
        if (addresses == null || addresses.isEmpty()) {
            // Node 20 throws a TypeError from inside net here; failing the socket is kinder.
            Throwable bad = dev.eventide.errors.ErrorCode.ERR_INVALID_IP_ADDRESS.make("undefined");
            socket.loop().nextTick(() -> socket.destroy(bad));
            return;
        }
        for (LookupAddress a : addresses) {
            socket.emit("lookup", null, a.address(), a.family(), host);
            if (!socket.connecting) {
                return;
            }
        }
        List<LookupAddress> order = ConnectAttempts.order(addresses);
        if (order.isEmpty()) {
            LookupAddress first = addresses.get(0);
            Throwable bad = IpAddresses.isIP(first.address()) == 0 ? dev.eventide.errors.ErrorCode.ERR_INVALID_IP_ADDRESS.make(first.address())
                    : dev.eventide.errors.ErrorCode.ERR_INVALID_ADDRESS_FAMILY.make(first.family(), options.host, options.port);
            socket.loop().nextTick(() -> socket.destroy(bad));
            return;
        }
        socket.unrefTimer();
        if (order.size() == 1) {
            connectOne(order.get(0).address(), order.get(0).family());
            return;
        }
        attempts = new ConnectAttempts(socket, this, order, options.port, options.localPort, attemptTimeout);
        attempts.next();
    }

    private void connectPath(String path) {
        socket.connectAddress = path;
        socket.connectPort = null;
        address = path;
        family = 0;
        SocketHandle h;
        try {
            h = SocketHandle.open(socket.loop(), StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            socket.destroy(NetError.errno(Errno.of(e), "socket", e));
            return;
        }
        socket.attach(h);
        socket.emit("connectionAttempt", path, null, null);
        h.connect(UnixDomainSocketAddress.of(path));
    }

    /** Node's internalConnect: one address, bound first when a local address or port is given. */
    private void connectOne(String ip, int fam) {
        address = ip;
        family = fam;
        socket.connectAddress = ip;
        socket.connectPort = options.port;
        SocketHandle h;
        try {
            h = open(ip, fam);
        } catch (IOException e) {
            socket.destroy(NetError.errno(Errno.of(e), "socket", e));
            return;
        }
        socket.attach(h);
        if (options.localAddress != null || options.localPort != 0) {
            String local = localAddress(fam);
            try {
                h.bind(new InetSocketAddress(InetAddress.getByName(local), options.localPort));
            } catch (IOException e) {
                socket.destroy(NetError.withHostPort(Errno.of(e), "bind", local, options.localPort, null, e));
                return;
            }
        }
        socket.emit("connectionAttempt", ip, options.port, fam);
        h.connect(new InetSocketAddress(literal(ip), options.port));
    }

    /** The address to bind for a local port: options.localAddress, else the family's any-address. */
    String localAddress(int fam) {
        return options.localAddress != null ? options.localAddress : fam == 6 ? "::" : "0.0.0.0";
    }

    SocketHandle open(String ip, int fam) throws IOException {
        return SocketHandle.open(socket.loop(), fam == 6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    }

    static InetAddress literal(String ip) {
        try {
            // An IP literal is parsed, never resolved.
            return InetAddress.getByName(ip);
        } catch (IOException e) {
            throw new IllegalStateException("not an IP literal: " + ip, e);
        }
    }

    /**
     * A connect request completed (Node's afterConnect): true when the connector took the outcome
     * (another address is being tried, or the socket was destroyed with every attempt's error),
     * false when the socket goes on: connected, or failed with error().
     */
    boolean completed(IOException error) {
        if (attempts != null) {
            return attempts.completed(error);
        }
        if (error != null) {
            socket.connecting = false;
            String local = family == 0 || options.localPort == 0 ? null : localAddress(family);
            failure = connectError(Errno.of(error), address, socket.connectPort, local, options.localPort, error);
            socket.emit("connectionAttemptFailed", address, socket.connectPort, family == 0 ? null : family, failure);
        }
        return false;
    }

    /** The error the socket is destroyed with after a failed single connect. */
    NetError error(IOException e) {
        return failure != null ? failure
                : connectError(Errno.of(e), socket.connectAddress, socket.connectPort, null, 0, e);
    }

    /** The socket is being destroyed: an attempt in flight is cancelled, as libuv's close cancels it. */
    void cancel() {
        if (attempts != null) {
            attempts.cancel();
        }
    }

    /** The "ip:port" of every attempt of an autoSelectFamily connect, or null when none was made. */
    List<String> attemptedAddresses() {
        return attempts == null ? null : attempts.attempted();
    }

    /** Node's createConnectionError: "connect ECONNREFUSED ::1:80", with " - Local (a:p)" when bound. */
    static NetError connectError(Errno code, String ip, Integer port, String localAddress, int localPort,
            IOException cause) {
        String local = localAddress != null && localPort != 0 ? localAddress + ":" + localPort : null;
        return NetError.withHostPort(code, "connect", ip, port, local, cause);
    }
}
