package dev.eventide.http;

import dev.eventide.buffer.Bytes;
import dev.eventide.net.NetSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One HTTP/1.1 connection of an {@link HttpServer} (Node's connectionListener and its parser
 * callbacks): feeds the socket's bytes to the parser, makes a request and a response for each
 * message, and writes the responses in request order. Runs on the server's loop thread only.
 *
 * <pre>
 *   socket 'data' ─► Http1Parser ─► onHeadersComplete ─► 'request'(req, res)
 *                                   onBody ─► req.push(bytes)     (socket paused when req is full)
 *   responses: current owns the socket; pipelined ones wait in outgoing, in order
 *   res 'finish' ─► next response takes the socket, or Connection: close ends it
 * </pre>
 */
final class ServerConnection implements Http1Handler {
    final HttpServer server;
    final NetSocket socket;
    private final Http1Parser parser;
    /** The head being parsed; cleared and reused for each request, which keeps a copy. */
    private final HeaderBlock head = new HeaderBlock();
    private HeaderBlock trailers;
    /** True after onHeadersComplete: header callbacks now carry trailers. */
    private boolean inTrailers;
    private byte[] url = new byte[64];
    private int urlLength;
    /** The request whose body is being parsed, or null. */
    /** Lingering close: the longest wait for more discarded bytes, and for all of them. */
    static final int LINGER_IDLE_MS = 2_000;
    static final int LINGER_MAX_MS = 10_000;
    private IncomingMessage parsing;
    /** Whether the socket's timeout is now server.timeout (a request in progress), not keepAliveTimeout. */
    private boolean busyTimer;
    /** Requests whose responses have not finished, oldest first (Node's state.incoming). */
    private final ArrayDeque<IncomingMessage> incoming = new ArrayDeque<>(2);
    /** Responses waiting for the socket, behind {@link #current} (Node's state.outgoing). */
    private final ArrayDeque<ServerResponse> outgoing = new ArrayDeque<>(2);
    /** The response that owns the socket now (Node's socket._httpMessage), or null. */
    ServerResponse current;
    int requestsCount;
    /** Loop time when the head being parsed began (0: none), for headersTimeout. */
    long headersStart;
    /** Loop time when the request being received began (0: none), for requestTimeout. */
    long requestStart;
    /** Loop time the connection last became idle. */
    long idleSince;
    /** Reading stopped because a request's body buffer is full. */
    private boolean pausedForBody;
    /** Reading stopped because too many pipelined responses wait (a client that does not read). */
    private boolean pausedForPipeline;
    /** Waiting responses at which reading stops, and below which it starts again. */
    private static final int PIPELINE_HIGH = 32;
    private static final int PIPELINE_LOW = 8;
    /** The requests' onRead, made once per connection rather than once per request. */
    private final Runnable resumeSocket = this::resumeSocket;
    /** Where response heads are built, reused: each head is then copied out at its exact size. */
    final Latin1Builder headBuilder = new Latin1Builder(256);
    /** This loop thread's Date line cache (a connection is made and used on its loop thread). */
    final HttpDate date = HttpDate.forThread();
    /** A client error was handled; further errors and bytes are ignored. */
    private boolean failed;
    /** Handed to an 'upgrade' or 'connect' listener; HTTP is no longer spoken here. */
    private boolean detached;

    ServerConnection(HttpServer server, NetSocket socket) {
        this.server = server;
        this.socket = socket;
        this.parser = new Http1Parser(Http1Parser.Kind.REQUEST, this, server.parserSettings());
        long now = server.loop().now();
        this.headersStart = now;
        this.idleSince = now;
        socket.on("data", a -> onData((Bytes) a[0]));
        // Reads go to the parser from the loop's buffer while nobody else listens for 'data'.
        socket.consume(this::onData);
        socket.on("end", a -> onEnd());
        socket.on("close", a -> onClose());
        socket.on("error", a -> clientError((Throwable) a[0]));
        if (server.keepAliveTimeout() > 0) {
            socket.setTimeout((int) server.keepAliveTimeout());
        }
        socket.on("timeout", a -> onTimeout());
    }

    // ---- bytes in ----

    private void onData(Bytes chunk) {
        onData(chunk.array(), chunk.byteOffset(), chunk.length());
    }

    /** The parser copies all it keeps (head, URL, body chunks, the rest after an upgrade). */
    private void onData(byte[] data, int offset, int length) {
        if (failed || detached) {
            return;
        }
        execute(data, offset, length);
    }

    private void execute(byte[] data, int offset, int length) {
        int n = parser.execute(data, offset, length);
        Http1Error e = parser.error();
        if (e == null || detached || failed) {
            return;
        }
        if (e == Http1Error.PAUSED_UPGRADE) {
            afterUpgrade(data, offset + n, length - n);
        } else {
            Http1ParseException err = parser.errorException(n);
            clientError(err);
        }
    }

    private void afterUpgrade(byte[] data, int offset, int length) {
        IncomingMessage req = incoming.peekLast();
        if (req != null && req.upgrade) {
            detach();
            Bytes rest = Bytes.wrap(Arrays.copyOfRange(data, offset, offset + length));
            String event = "CONNECT".equals(req.method) ? "connect" : "upgrade";
            server.emit(event, req, socket, rest);
        } else if (req != null && "CONNECT".equals(req.method)) {
            socket.destroy();
        } else {
            // An Upgrade nobody takes is an ordinary request, answered already; go on parsing.
            parser.resumeAfterUpgrade();
            if (length > 0) {
                execute(data, offset, length);
            }
        }
    }

    /** The socket leaves HTTP: our listeners go, the listener of 'upgrade' owns it. */
    private void detach() {
        detached = true;
        socket.consume(null);
        socket.removeAllListeners("data");
        socket.removeAllListeners("end");
        socket.removeAllListeners("timeout");
        socket.removeAllListeners("error");
        socket.setTimeout(0);
        server.untrack(this);
    }

    // ---- parser callbacks ----

    @Override
    public int onMessageBegin(Http1Parser p) {
        head.clear();
        trailers = null;
        inTrailers = false;
        urlLength = 0;
        long now = server.loop().now();
        headersStart = now;
        requestStart = now;
        if (server.timeout() > 0 && !busyTimer) {
            // While a request is in progress the socket's timeout is server.timeout (Node sets
            // it per connection); keepAliveTimeout is for idle connections only.
            busyTimer = true;
            socket.setTimeout((int) server.timeout());
        }
        return OK;
    }

    @Override
    public void onUrl(ByteBuffer b, int offset, int length) {
        if (urlLength + length > url.length) {
            url = Arrays.copyOf(url, Math.max(url.length * 2, urlLength + length));
        }
        b.get(offset, url, urlLength, length);
        urlLength += length;
    }

    @Override
    public void onHeaderField(ByteBuffer b, int offset, int length) {
        block().field(b, offset, length);
    }

    @Override
    public int onHeaderFieldComplete(Http1Parser p) {
        block().fieldDone();
        return OK;
    }

    @Override
    public void onHeaderValue(ByteBuffer b, int offset, int length) {
        block().value(b, offset, length);
    }

    @Override
    public int onHeaderValueComplete(Http1Parser p) {
        block().valueDone();
        return OK;
    }

    private HeaderBlock block() {
        if (!inTrailers) {
            return head;
        }
        if (trailers == null) {
            trailers = new HeaderBlock();
        }
        return trailers;
    }

    @Override
    public int onHeadersComplete(Http1Parser p) {
        IncomingMessage req = new IncomingMessage(socket, head.copy());
        req.method = p.method().text();
        req.url = new String(url, 0, urlLength, StandardCharsets.ISO_8859_1);
        req.versionMajor = p.httpMajor();
        req.versionMinor = p.httpMinor();
        req.onRead = resumeSocket;
        parsing = req;
        inTrailers = true;
        headersStart = 0;
        return ServerDispatch.onIncoming(this, req, p.shouldKeepAlive(), p.upgrade());
    }

    @Override
    public void onBody(ByteBuffer b, int offset, int length) {
        IncomingMessage req = parsing;
        if (req == null || length == 0) {
            return;
        }
        byte[] copy = new byte[length];
        b.get(offset, copy);
        if (!req.push(Bytes.wrap(copy))) {
            pauseSocket();
        }
    }

    @Override
    public int onMessageComplete(Http1Parser p) {
        IncomingMessage req = parsing;
        parsing = null;
        requestStart = 0;
        if (req != null) {
            req.trailerBlock = trailers;
            req.complete = true;
            if (!req.upgrade) {
                req.push(null);
            }
        }
        return OK;
    }

    // ---- requests and responses ----

    void track(IncomingMessage req) {
        incoming.add(req);
        requestsCount++;
    }

    /** The response takes the socket now, or waits behind the ones before it. */
    void enqueue(ServerResponse res) {
        if (current == null) {
            current = res;
            res.attach(socket);
        } else {
            outgoing.add(res);
            if (outgoing.size() >= PIPELINE_HIGH && !pausedForPipeline) {
                pausedForPipeline = true;
                socket.pause();
            }
        }
    }

    /** Node's resOnFinish: the next response takes the socket, or the connection ends. */
    void onResponseFinished(IncomingMessage req, ServerResponse res) {
        incoming.remove(req);
        if (!req.consuming && !Boolean.TRUE.equals(req.readableFlowing())) {
            req.dump();
        }
        if (current == res) {
            current = null;
        }
        if (res.last) {
            if (req.complete || !socket.readable()) {
                socket.destroySoon();
            } else {
                lingeringClose();
            }
            return;
        }
        ServerResponse next = outgoing.poll();
        if (pausedForPipeline && outgoing.size() < PIPELINE_LOW) {
            pausedForPipeline = false;
            if (!pausedForBody) {
                socket.resume();
            }
        }
        if (next != null) {
            current = next;
            next.attach(socket);
        } else if (idle()) {
            idleSince = server.loop().now();
            if (busyTimer) {
                busyTimer = false;
                socket.setTimeout((int) Math.max(0, server.keepAliveTimeout()));
            }
            if (server.shuttingDown()) {
                server.closeWhenQuiet(this);
            }
        }
    }

    /** No request is being received or answered (Node's idle connection). */
    boolean idle() {
        return current == null && incoming.isEmpty() && parsing == null && headersStart == 0 && !detached;
    }

    /** Whether the response to {@code req} must close the connection (limits, shutdown). */
    boolean lastRequestOnSocket(IncomingMessage req) {
        int max = server.maxRequestsPerSocket();
        return server.shuttingDown() || (max > 0 && requestsCount >= max);
    }

    byte[] keepAliveLine() {
        return server.keepAliveLine();
    }

    private void pauseSocket() {
        if (!pausedForBody) {
            pausedForBody = true;
            socket.pause();
        }
    }

    private void resumeSocket() {
        if (pausedForBody) {
            pausedForBody = false;
            if (!pausedForPipeline) {
                socket.resume();
            }
        }
    }

    // ---- the end of the connection ----

    private void onEnd() {
        Http1Error e = parser.finish();
        if (e != null) {
            clientError(parser.errorException(0));
            return;
        }
        // Node's httpAllowHalfOpen false: the client ended, so do the requests it sent.
        abortIncoming();
        if (socket.writable()) {
            socket.end();
        }
    }

    /**
     * The last response went out before its request's body was read (an early 413, a refused
     * upload). Closing now, with request bytes unread, would make the kernel send a reset that
     * can destroy the answer in the client's buffers before it reads it. So, as nginx's
     * lingering close: send FIN after the answer, read and discard what the client still sends,
     * and close when it ends, after LINGER_IDLE_MS without data, or after LINGER_MAX_MS at most.
     */
    private void lingeringClose() {
        failed = true; // onData discards from now on
        headersStart = 0;
        requestStart = 0;
        socket.end();
        pausedForBody = false;
        pausedForPipeline = false;
        socket.resume();
        socket.setTimeout(LINGER_IDLE_MS, socket::destroy);
        server.loop().setTimeout(socket::destroy, LINGER_MAX_MS).unref();
    }

    private void onClose() {
        server.untrack(this);
        abortIncoming();
        ServerResponse c = current;
        current = null;
        if (c != null && !c.writableFinished()) {
            c.destroy();
        }
        for (ServerResponse r : outgoing) {
            r.destroy();
        }
        outgoing.clear();
    }

    private void abortIncoming() {
        IncomingMessage p = parsing;
        parsing = null;
        if (p != null && !incoming.contains(p)) {
            incoming.add(p);
        }
        while (!incoming.isEmpty()) {
            IncomingMessage req = incoming.poll();
            if (!req.destroyed()) {
                req.destroy(dev.eventide.errors.Errors.connReset("socket hang up"));
            }
        }
    }

    /**
     * The socket's timeout. While busy with server.timeout set: Node's socketOnTimeout ('timeout'
     * on the unfinished request, the response and the server, with the socket; destroyed if
     * nobody listened). Otherwise it was keepAliveTimeout: an idle connection closes, a busy one
     * goes on.
     */
    private void onTimeout() {
        if (busyTimer && !idle()) {
            IncomingMessage req = parsing;
            boolean heard = req != null && !req.complete && req.emit("timeout", socket);
            heard |= current != null && current.emit("timeout", socket);
            heard |= server.emit("timeout", socket);
            if (!heard) {
                socket.destroy();
            }
            return;
        }
        if (idle() || (current == null && incoming.isEmpty() && parsing == null)) {
            socket.destroy();
        }
    }

    /** headersTimeout and requestTimeout, checked by the server's interval. */
    void checkTimeouts(long now, long headersTimeout, long requestTimeout) {
        if (failed || detached) {
            return;
        }
        boolean headersLate = headersStart > 0 && headersTimeout > 0 && now - headersStart > headersTimeout;
        boolean requestLate = requestStart > 0 && requestTimeout > 0 && now - requestStart > requestTimeout;
        if (headersLate || requestLate) {
            clientError(dev.eventide.errors.ErrorCode.ERR_HTTP_REQUEST_TIMEOUT.make());
        }
    }

    /** Node's socketOnError: 'clientError', or the default answer (400, 408, 413, 431) and close. */
    void clientError(Throwable err) {
        if (failed || detached) {
            return;
        }
        failed = true;
        headersStart = 0;
        requestStart = 0;
        if (server.listenerCount("clientError") > 0) {
            server.emit("clientError", err, socket);
            return;
        }
        ServerResponse c = current;
        if (socket.writable() && (c == null || c.head == null || c.headPending)) {
            socket.write(Bytes.wrap(ServerDispatch.errorResponse(err)));
            // FIN after the answer, then close: the peer reads the answer before any reset.
            socket.end();
            socket.setTimeout(1000, socket::destroy);
            return;
        }
        socket.destroy();
    }
}
