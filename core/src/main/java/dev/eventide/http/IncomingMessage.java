package dev.eventide.http;

import dev.eventide.net.NetSocket;
import dev.eventide.stream.ReadableStream;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamOptions;
import java.util.List;
import java.util.Map;

/**
 * Node's http.IncomingMessage: a request the server received, or a response the client
 * received, as a readable stream of its body. Method, url, version and headers are known when
 * it is made; the body is pushed as the parser reads it, and the trailers are set at its end.
 * Loop thread only.
 *
 * <p>Header strings are made on first use (headers(), rawHeaders()), from the bytes the parser
 * reported. As Node, it emits 'aborted' (and {@link #aborted()} turns true) when it is destroyed
 * before its body was complete, and an 'error' only when someone listens for one.
 */
public class IncomingMessage extends ReadableStream {
    private final NetSocket socket;
    final HeaderBlock head;
    HeaderBlock trailerBlock;
    private Map<String, Object> headers;
    private Map<String, Object> trailers;
    String method;
    String url = "";
    int statusCode;
    String statusMessage;
    int versionMajor = 1;
    int versionMinor = 1;
    /** Whether the whole message (body and trailers) has arrived. */
    boolean complete;
    boolean aborted;
    boolean upgrade;
    /** Node's _consuming: someone started reading the body. */
    boolean consuming;
    private boolean dumped;
    /** Asks the connection for more bytes (resumes the socket); set by the connection. */
    Runnable onRead;

    /** Default options, shared: streams read their options and never change them. */
    private static final StreamOptions OPTIONS = new StreamOptions();

    IncomingMessage(NetSocket socket, HeaderBlock head) {
        super(OPTIONS);
        this.socket = socket;
        this.head = head;
    }

    @Override
    protected void _read(int n) {
        consuming = true;
        if (onRead != null) {
            onRead.run();
        }
    }

    /** Node's _dump: the body is not wanted; read it off the wire and drop it. */
    void dump() {
        if (!dumped) {
            dumped = true;
            removeAllListeners("data");
            resume();
        }
    }

    @Override
    protected void _destroy(Throwable err, StreamCallback cb) {
        if (!readableEnded() || !complete) {
            aborted = true;
            emit("aborted");
        }
        if (socket != null && !socket.destroyed() && aborted) {
            socket.destroy(err);
        }
        // As Node: the error reaches 'error' only when someone listens for it.
        cb.call(listenerCount("error") == 0 ? null : err);
    }

    // ---- what arrived ----

    /** The request method, e.g. GET (null on a client's response). */
    public String method() {
        return method;
    }

    /** The request target as sent, e.g. /path?q=1 (empty on a client's response). */
    public String url() {
        return url;
    }

    public IncomingMessage url(String url) {
        this.url = url;
        return this;
    }

    /** The response status (client side), 0 on a request. */
    public int statusCode() {
        return statusCode;
    }

    /** The response reason phrase (client side), null on a request. */
    public String statusMessage() {
        return statusMessage;
    }

    public String httpVersion() {
        return versionMajor + "." + versionMinor;
    }

    public int httpVersionMajor() {
        return versionMajor;
    }

    public int httpVersionMinor() {
        return versionMinor;
    }

    /** Lower-case names to values, with Node's rules for duplicates (set-cookie is a List). */
    public Map<String, Object> headers() {
        if (headers == null) {
            headers = head.toMap();
        }
        return headers;
    }

    /** One header's value as headers() has it, joined to one String (set-cookie joined by ", "). */
    public String header(String name) {
        Object v = headers().get(OutgoingHeaders.lower(name));
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return (String) v;
    }

    /** Names and values alternating, as received. */
    public List<String> rawHeaders() {
        return head.rawHeaders();
    }

    /** The trailers, empty until 'end'. */
    public Map<String, Object> trailers() {
        if (trailers == null) {
            if (trailerBlock == null) {
                return Map.of();
            }
            trailers = trailerBlock.toMap();
        }
        return trailers;
    }

    public List<String> rawTrailers() {
        return trailerBlock == null ? List.of() : trailerBlock.rawHeaders();
    }

    /** True once the whole message has been received. */
    public boolean complete() {
        return complete;
    }

    /** True when the message was cut short (the connection closed before its end). */
    public boolean aborted() {
        return aborted;
    }

    /** Whether the message asked to switch protocols (and an 'upgrade' listener took it). */
    public boolean upgrade() {
        return upgrade;
    }

    /** The connection the message came on. */
    public NetSocket socket() {
        return socket;
    }

    /** Calls socket.setTimeout(ms, cb). */
    public IncomingMessage setTimeout(int ms, dev.eventide.loop.Task callback) {
        if (socket != null) {
            socket.setTimeout(ms, callback);
        }
        return this;
    }
}
