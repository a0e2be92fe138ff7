package dev.eventide.http;

import dev.eventide.errors.Errors;
import dev.eventide.buffer.Bytes;
import dev.eventide.net.NetSocket;
import java.nio.ByteBuffer;

/**
 * The response side of one client connection (Node's _http_client parser callbacks): parses
 * the answer to the request that owns the socket, emits 'response' with an IncomingMessage,
 * pushes its body, and gives the socket back to the agent when the exchange allows reuse.
 * One per request on the socket; runs on the loop thread only.
 */
final class ClientConnection implements Http1Handler {
    private final NetSocket socket;
    private final ClientRequest req;
    private final Agent agent;
    private final Http1Parser parser;
    private HeaderBlock head = new HeaderBlock();
    private HeaderBlock trailers;
    private boolean inTrailers;
    private final StringBuilder status = new StringBuilder();
    private IncomingMessage res;
    private boolean done;
    private final dev.eventide.events.Listener onData = a -> onData((Bytes) a[0]);
    private final dev.eventide.events.Listener onEnd = a -> onEnd();
    private final dev.eventide.events.Listener onClose = a -> onClose();
    private final dev.eventide.events.Listener onError = a -> fail((Throwable) a[0]);

    private ClientConnection(NetSocket socket, ClientRequest req, Agent agent) {
        this.socket = socket;
        this.req = req;
        this.agent = agent;
        this.parser = new Http1Parser(Http1Parser.Kind.RESPONSE, this);
        parser.headResponse("HEAD".equals(req.method));
        socket.on("data", onData);
        socket.on("end", onEnd);
        socket.on("close", onClose);
        socket.on("error", onError);
    }

    /** A new socket for {@code req}. */
    static void start(NetSocket socket, ClientRequest req, Agent agent) {
        new ClientConnection(socket, req, agent);
        req.onSocket(socket, false);
    }

    /** A free socket of the agent takes {@code req}. */
    static void reuse(NetSocket socket, ClientRequest req) {
        new ClientConnection(socket, req, req.agent);
        req.onSocket(socket, true);
    }

    private void onData(Bytes chunk) {
        if (done) {
            return;
        }
        parser.execute(chunk.array(), chunk.byteOffset(), chunk.length());
        Http1Error e = parser.error();
        if (e != null && !done && e != Http1Error.PAUSED) {
            fail(parser.errorException(0));
            socket.destroy();
        }
    }

    @Override
    public void onStatus(ByteBuffer b, int offset, int length) {
        for (int i = 0; i < length; i++) {
            status.append((char) (b.get(offset + i) & 0xFF));
        }
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
        int code = p.statusCode();
        if (code >= 100 && code < 200 && code != 101) {
            // An informational answer: the real one follows on the same connection.
            if (code == 100) {
                req.emit("continue");
            }
            head = new HeaderBlock();
            status.setLength(0);
            return OK;
        }
        IncomingMessage m = new IncomingMessage(socket, head);
        m.statusCode = code;
        m.statusMessage = status.toString();
        m.versionMajor = p.httpMajor();
        m.versionMinor = p.httpMinor();
        m.onRead = socket::resume;
        res = m;
        req.res = m;
        inTrailers = true;
        req.shouldKeepAlive &= p.shouldKeepAlive();
        req.emit("response", m);
        return "HEAD".equals(req.method) ? SKIP_BODY : OK;
    }

    @Override
    public void onBody(ByteBuffer b, int offset, int length) {
        if (res != null && length > 0) {
            byte[] copy = new byte[length];
            b.get(offset, copy);
            if (!res.push(Bytes.wrap(copy))) {
                socket.pause();
            }
        }
    }

    @Override
    public int onMessageComplete(Http1Parser p) {
        if (res == null) {
            return OK;
        }
        done = true;
        res.trailerBlock = trailers;
        res.complete = true;
        res.push(null);
        detach();
        boolean reusable = agent != null && req.shouldKeepAlive && p.shouldKeepAlive();
        if (reusable && req.writableFinished()) {
            agent.release(req, socket);
        } else if (reusable) {
            req.once("finish", a -> agent.release(req, socket));
        } else {
            socket.destroySoon();
        }
        return PAUSE;
    }

    private void detach() {
        socket.off("data", onData);
        socket.off("end", onEnd);
        socket.off("close", onClose);
        socket.off("error", onError);
        socket.setTimeout(0);
    }

    private void onEnd() {
        if (done) {
            return;
        }
        if (res != null && parser.finish() == null && res.complete) {
            return;
        }
        fail(Errors.connReset("socket hang up"));
    }

    private void onClose() {
        if (!done) {
            fail(res == null ? Errors.connReset("socket hang up") : Errors.connReset("aborted"));
        }
        req.destroy();
    }

    /** Before the response: 'error' on the request; during its body: the response is aborted. */
    private void fail(Throwable err) {
        if (done) {
            return;
        }
        done = true;
        if (res == null) {
            if (!req.aborted) {
                req.emit("error", err);
            }
        } else if (!res.complete) {
            res.destroy(err);
        }
        socket.destroy();
    }
}
