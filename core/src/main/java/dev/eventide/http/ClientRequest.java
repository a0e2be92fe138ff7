package dev.eventide.http;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Events;
import dev.eventide.loop.Task;
import dev.eventide.net.NetSocket;
import dev.eventide.stream.StreamOptions;
import java.util.Map;
import java.util.Set;

/**
 * Node's http.ClientRequest: a request being sent, as a writable stream of its body; 'response'
 * brings an {@link IncomingMessage}. Headers can be set until the first write; end() sends a
 * Content-Length when the whole body is given there, otherwise POST-like methods are chunked.
 * Events: 'socket', 'response', 'continue', 'timeout', 'error', 'finish', 'close'. Redirects are
 * not followed. Loop thread only.
 */
public class ClientRequest extends OutgoingMessage {
    /** The 'response' listener given to Http.request. */
    @FunctionalInterface
    public interface ResponseListener {
        void onResponse(IncomingMessage res) throws Exception;
    }

    private static final Set<String> NO_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    final String method;
    final String path;
    final String host;
    final int port;
    final Agent agent;
    final int timeout;
    /** The response, once its head arrived. */
    IncomingMessage res;
    boolean aborted;
    private boolean reused;

    /**
     * Node's ClientRequest is not destroyed when its body is sent: its 'close' comes when the
     * exchange is over (after the response's 'close', or on failure), so autoDestroy is off.
     */
    private static final StreamOptions OPTIONS = new StreamOptions().highWaterMark(64 * 1024).autoDestroy(false);

    ClientRequest(RequestOptions o, ResponseListener listener) {
        super(OPTIONS);
        if (o.path.chars().anyMatch(c -> c <= ' ' || c > 0x7E)) {
            throw ErrorCode.ERR_UNESCAPED_CHARACTERS.make("Request path");
        }
        if (!OutgoingHeaders.isToken(o.method)) {
            throw ErrorCode.ERR_INVALID_HTTP_TOKEN.make("Method", o.method);
        }
        this.method = o.method;
        this.path = o.path;
        this.host = o.host;
        this.port = o.port;
        this.timeout = o.timeout;
        this.agent = o.useAgent ? (o.agent != null ? o.agent : Agent.global()) : null;
        useChunkedEncodingByDefault = !NO_BODY.contains(method);
        shouldKeepAlive = agent != null && agent.keepAlive();
        for (Map.Entry<String, Object> e : o.headers.entrySet()) {
            headers.set(e.getKey(), e.getValue());
        }
        prependOnceListener("response", a -> closeWith((IncomingMessage) a[0]));
        if (listener != null) {
            once("response", a -> listener.onResponse((IncomingMessage) a[0]));
        }
        // As Node: the socket is asked for in a nextTick, so listeners added now see 'socket'.
        dev.eventide.loop.EventLoop.current().nextTick(this::assignSocket);
        if (o.signal != null) {
            watch(o.signal);
        }
    }

    /**
     * Node's signal option (addAbortSignal on the request): an abort destroys the request and its
     * socket with an AbortError, at once if the signal already aborted.
     */
    private void watch(AbortSignal signal) {
        if (signal.aborted()) {
            abort(new AbortError(signal.reason()));
            return;
        }
        whenDone(Events.addAbortListener(signal, e -> abort(new AbortError(signal.reason()))));
    }

    /**
     * When the request closes, as Node: on a kept-alive connection when the response ends (the
     * body sent), in a tick queued before the response's own 'close' (responseKeepAlive's
     * emitFreeNT); otherwise when the response closes (Node: when the socket closes, after it).
     * Registered before the user sees the response, so it runs before the user's 'end' listeners.
     */
    private void closeWith(IncomingMessage response) {
        response.prependOnceListener("end", a -> {
            if (shouldKeepAlive && !aborted) {
                if (writableFinished()) {
                    destroy();
                } else {
                    once("finish", x -> destroy());
                }
            }
        });
        response.once("close", a -> destroy());
    }

    /** Runs {@code action} once the exchange is over: the request's 'close', which follows the response's. */
    void whenDone(Runnable action) {
        once("close", a -> action.run());
    }

    private void assignSocket() {
        if (aborted) {
            return;
        }
        if (agent != null) {
            agent.addRequest(this);
        } else {
            ClientConnection.start(dev.eventide.net.Net.connect(new dev.eventide.net.NetConnectOptions()
                    .host(host).port(port).noDelay(true)), this, null);
        }
    }

    String key() {
        return host + ":" + port;
    }

    /** The connection is ours: what was written goes out. */
    void onSocket(NetSocket s, boolean reusedSocket) {
        this.reused = reusedSocket;
        if (timeout > 0) {
            s.setTimeout(timeout, () -> emit("timeout"));
        }
        attach(s);
        emit("socket", s);
    }

    /** Whether the request went on a socket an earlier request used (Node's reusedSocket). */
    public boolean reusedSocket() {
        return reused;
    }

    @Override
    void storeHeader() {
        if (head != null) {
            return;
        }
        if ("HEAD".equals(method)) {
            hasBody = true;
        }
        Latin1Builder b = new Latin1Builder(128);
        b.append(method).append(" ").append(path).append(" HTTP/1.1\r\n");
        if (!headers.has("host")) {
            b.header("Host", port == 80 ? host : host + ":" + port);
        }
        HeadState st = new HeadState();
        writeHeaderLines(b, st);
        if (!st.connection) {
            b.append(shouldKeepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        } else if (st.connectionClose) {
            shouldKeepAlive = false;
        }
        framing(b, st);
        storeHead(b.crlf());
    }

    /** Node's req.destroy()/abort(): the request will not complete; 'close' follows. */
    public ClientRequest abort() {
        return abort(null);
    }

    /** abort() with {@code err} for 'error' (an aborted signal's AbortError); null for none. */
    ClientRequest abort(Throwable err) {
        aborted = true;
        if (socket != null) {
            socket.destroy();
        }
        destroy(err);
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String host() {
        return host;
    }

    /** A request's 'timeout' listener, as Node's req.setTimeout(ms, cb). */
    public ClientRequest onTimeout(Task callback) {
        on("timeout", a -> callback.run());
        return this;
    }
}
