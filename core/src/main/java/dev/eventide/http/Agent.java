package dev.eventide.http;

import dev.eventide.loop.EventLoop;
import dev.eventide.net.Net;
import dev.eventide.net.NetConnectOptions;
import dev.eventide.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Node's http.Agent: pools client connections per host:port. A request takes a free socket
 * (the most recently freed with lifo scheduling, the oldest with fifo), or a new one while
 * fewer than maxSockets are open, or waits. keepAlive keeps up to maxFreeSockets idle sockets
 * per host, each closed after {@code timeout} ms of idleness. Belongs to one loop; loop
 * thread only (each loop has its own {@link #global()}).
 */
public class Agent {
    private static final ThreadLocal<Agent> GLOBAL = ThreadLocal.withInitial(
            () -> new Agent(new Options().keepAlive(true).timeout(5000)));

    /** The agent's settings, with Node's defaults. */
    public static final class Options {
        boolean keepAlive;
        int maxSockets = Integer.MAX_VALUE;
        int maxFreeSockets = 256;
        int timeout;
        boolean lifo = true;

        public Options keepAlive(boolean on) {
            keepAlive = on;
            return this;
        }

        public Options maxSockets(int n) {
            maxSockets = n;
            return this;
        }

        public Options maxFreeSockets(int n) {
            maxFreeSockets = n;
            return this;
        }

        /** Idle ms before a free socket is closed (0: never). */
        public Options timeout(int ms) {
            timeout = ms;
            return this;
        }

        /** "lifo" (default) or "fifo". */
        public Options scheduling(String how) {
            if (!how.equals("lifo") && !how.equals("fifo")) {
                throw dev.eventide.errors.Errors.invalidArgValue("scheduling", how, "must be 'fifo' or 'lifo'");
            }
            lifo = how.equals("lifo");
            return this;
        }
    }

    final Options options;
    private final EventLoop loop = EventLoop.current();
    private final Map<String, Deque<NetSocket>> free = new HashMap<>();
    private final Map<String, Integer> open = new HashMap<>();
    private final Map<String, Deque<ClientRequest>> waiting = new HashMap<>();

    public Agent(Options options) {
        this.options = options == null ? new Options() : options;
    }

    public Agent() {
        this(null);
    }

    /** This loop's global agent (keepAlive on, as Node 19+). */
    public static Agent global() {
        return GLOBAL.get();
    }

    public boolean keepAlive() {
        return options.keepAlive;
    }

    /** Sockets open to {@code host:port}, busy or free. */
    public int openSockets(String host, int port) {
        return open.getOrDefault(host + ":" + port, 0);
    }

    public int freeSockets(String host, int port) {
        Deque<NetSocket> f = free.get(host + ":" + port);
        return f == null ? 0 : f.size();
    }

    void addRequest(ClientRequest req) {
        String key = req.key();
        Deque<NetSocket> f = free.get(key);
        NetSocket s = f == null || f.isEmpty() ? null : options.lifo ? f.pollLast() : f.pollFirst();
        if (s != null) {
            s.setTimeout(0);
            s.removeAllListeners("timeout");
            s.ref();
            ClientConnection.reuse(s, req);
            return;
        }
        if (open.getOrDefault(key, 0) < options.maxSockets) {
            connect(req, key);
        } else {
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(req);
        }
    }

    private void connect(ClientRequest req, String key) {
        open.merge(key, 1, Integer::sum);
        NetSocket s = Net.connect(new NetConnectOptions().host(req.host).port(req.port).noDelay(true));
        s.once("close", a -> socketClosed(key, s));
        ClientConnection.start(s, req, this);
    }

    /** The response is done and the socket may carry another request. */
    void release(ClientRequest req, NetSocket s) {
        String key = req.key();
        Deque<ClientRequest> w = waiting.get(key);
        if (w != null && !w.isEmpty()) {
            ClientConnection.reuse(s, w.poll());
            return;
        }
        Deque<NetSocket> f = free.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (!options.keepAlive || f.size() >= options.maxFreeSockets) {
            s.destroy();
            return;
        }
        f.add(s);
        if (options.timeout > 0) {
            s.setTimeout(options.timeout, s::destroy);
        }
        s.unref();
    }

    private void socketClosed(String key, NetSocket s) {
        open.merge(key, -1, Integer::sum);
        Deque<NetSocket> f = free.get(key);
        if (f != null) {
            f.remove(s);
        }
        Deque<ClientRequest> w = waiting.get(key);
        if (w != null && !w.isEmpty() && open.getOrDefault(key, 0) < options.maxSockets) {
            connect(w.poll(), key);
        }
    }

    /** Closes every free socket (Node's agent.destroy()). */
    public void destroy() {
        for (Deque<NetSocket> f : free.values()) {
            for (NetSocket s : new ArrayDeque<>(f)) {
                s.destroy();
            }
            f.clear();
        }
    }

    EventLoop loop() {
        return loop;
    }
}
