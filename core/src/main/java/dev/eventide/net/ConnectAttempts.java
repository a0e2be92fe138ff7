package dev.eventide.net;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.loop.Timeout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One autoSelectFamily connect to several addresses (Node 20's internalConnectMultiple and its
 * context): the attempts are made one at a time on the socket's loop thread, each with a fresh
 * non-blocking socket. Runs on the socket's loop thread only.
 *
 * <p>HOW, as node's lib/net.js does it. The addresses are ordered by alternating families,
 * starting with the family of the first valid address. Every attempt but the last gets a timer
 * (autoSelectFamilyAttemptTimeout ms, in the timers phase). Whatever ends an attempt clears the
 * timer and moves on:
 *
 * <pre>
 *   next() ── 'connectionAttempt', connect ──┬─ connected        ─► the socket's 'connect'
 *     ▲                                      ├─ failed            ─► 'connectionAttemptFailed' ─┐
 *     │                                      └─ timer (not last)  ─► 'connectionAttemptTimeout' ┤
 *     └──────────── close the attempt's socket, keep its error ◄────────────────────────────────┘
 *   past the last address: destroy(NetAggregateError of every kept error)
 * </pre>
 *
 * Only one attempt is open at a time: a timed-out one is closed before the next starts (Node
 * does not race them), so no descriptor outlives its attempt.
 */
final class ConnectAttempts {
    private final NetSocket socket;
    private final Connector connector;
    private final List<LookupAddress> addresses;
    private final int port;
    private final int localPort;
    private final int timeoutMs;
    /** The attempt in flight is addresses[current - 1]. */
    private int current;
    /** The armed attempt timer, or null (none armed, or the attempt is the last). */
    private Timeout timer;
    /** Every failed attempt's error, in order: the aggregate's errors. */
    private final List<Throwable> errors = new ArrayList<>();
    /** socket.autoSelectFamilyAttemptedAddresses: "ip:port" of every attempt made. */
    private final List<String> attempted = new ArrayList<>();
    /** Connected, failed for good, or cancelled: nothing more happens. */
    private boolean done;
    /** A connect request is out and has not completed, failed or timed out. */
    private boolean inFlight;

    ConnectAttempts(NetSocket socket, Connector connector, List<LookupAddress> addresses, int port, int localPort,
            int timeoutMs) {
        this.socket = socket;
        this.connector = connector;
        this.addresses = addresses;
        this.port = port;
        this.localPort = localPort;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Node's order: valid IPv4/IPv6 addresses only, each once, grouped by family (the family of
     * the first valid address leads), then taken alternately from the two groups.
     */
    static List<LookupAddress> order(List<LookupAddress> addresses) {
        List<LookupAddress> lead = new ArrayList<>();
        List<LookupAddress> other = new ArrayList<>();
        int leadFamily = 0;
        for (LookupAddress a : addresses) {
            if (a == null || IpAddresses.isIP(a.address()) == 0 || (a.family() != 4 && a.family() != 6)) {
                continue;
            }
            if (leadFamily == 0) {
                leadFamily = a.family();
            }
            List<LookupAddress> group = a.family() == leadFamily ? lead : other;
            if (group.stream().noneMatch(b -> b.address().equals(a.address()))) {
                group.add(a);
            }
        }
        List<LookupAddress> out = new ArrayList<>(lead.size() + other.size());
        for (int i = 0; i < Math.max(lead.size(), other.size()); i++) {
            if (i < lead.size()) {
                out.add(lead.get(i));
            }
            if (i < other.size()) {
                out.add(other.get(i));
            }
        }
        return out;
    }

    List<String> attempted() {
        return attempted;
    }

    /** Starts the next attempt, or destroys the socket when every address has failed. */
    void next() {
        clearTimer();
        if (done) {
            return;
        }
        if (current == addresses.size()) {
            done = true;
            socket.destroy(errors.isEmpty() ? dev.eventide.errors.ErrorCode.ERR_SOCKET_CONNECTION_TIMEOUT.make() : new NetAggregateError(errors));
            return;
        }
        int index = current++;
        LookupAddress a = addresses.get(index);
        closeAttempt();
        SocketHandle h = openAndBind(a);
        if (h == null) {
            next();
            return;
        }
        socket.connectAddress = a.address();
        socket.connectPort = port;
        socket.emit("connectionAttempt", a.address(), port, a.family());
        attempted.add(a.address() + ":" + port);
        if (done || socket.handle != h) {
            // A 'connectionAttempt' listener destroyed the socket.
            return;
        }
        inFlight = true;
        h.connect(new InetSocketAddress(Connector.literal(a.address()), port));
        if (index < addresses.size() - 1) {
            timer = socket.loop().setTimeout(() -> timedOut(a), timeoutMs);
        }
    }

    /**
     * A fresh socket for the attempt, made the socket's handle and bound to the local port if
     * one is given; null when that failed, the error kept for the aggregate.
     */
    private SocketHandle openAndBind(LookupAddress a) {
        SocketHandle h;
        try {
            h = connector.open(a.address(), a.family());
        } catch (IOException e) {
            errors.add(NetError.errno(Errno.of(e), "socket", e));
            return null;
        }
        socket.attach(h);
        if (localPort == 0) {
            return h;
        }
        String local = connector.localAddress(a.family());
        try {
            h.bind(new InetSocketAddress(InetAddress.getByName(local), localPort));
            return h;
        } catch (IOException e) {
            errors.add(NetError.withHostPort(Errno.of(e), "bind", local, localPort, null, e));
            return null;
        }
    }

    /** Node's afterConnectMultiple: true when the connector took the outcome (see Connector.completed). */
    boolean completed(IOException error) {
        clearTimer();
        inFlight = false;
        if (error == null) {
            done = true;
            return false;
        }
        LookupAddress a = addresses.get(current - 1);
        NetError ex = failure(Errno.of(error), a, error);
        errors.add(ex);
        socket.emit("connectionAttemptFailed", a.address(), port, a.family(), ex);
        if (socket.connecting) {
            next();
        }
        return true;
    }

    /** Node's internalConnectMultipleTimeout: the attempt is abandoned and its socket closed. */
    private void timedOut(LookupAddress a) {
        timer = null;
        inFlight = false;
        socket.emit("connectionAttemptTimeout", a.address(), port, a.family());
        errors.add(failure(Errno.ETIMEDOUT, a, null));
        closeAttempt();
        if (socket.connecting) {
            next();
        }
    }

    /**
     * The socket is destroyed while an attempt is in flight: the attempt ends with ECANCELED
     * in the close phase, before the socket's 'close', as libuv cancels a connect on close.
     */
    void cancel() {
        if (done) {
            return;
        }
        done = true;
        clearTimer();
        if (!inFlight) {
            return;
        }
        inFlight = false;
        LookupAddress a = addresses.get(current - 1);
        NetError ex = failure(Errno.ECANCELED, a, null);
        errors.add(ex);
        socket.loop().queueClose(() -> socket.emit("connectionAttemptFailed", a.address(), port, a.family(), ex));
    }

    private NetError failure(Errno code, LookupAddress a, IOException cause) {
        String local = localPort == 0 ? null : connector.localAddress(a.family());
        return Connector.connectError(code, a.address(), port, local, localPort, cause);
    }

    /** Closes the socket of the attempt that just ended (Node's kReinitializeHandle closes it). */
    private void closeAttempt() {
        SocketHandle h = socket.handle;
        if (h != null) {
            socket.handle = null;
            h.close(() -> { });
        }
    }

    private void clearTimer() {
        if (timer != null) {
            timer.close();
            timer = null;
        }
    }
}
