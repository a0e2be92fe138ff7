package dev.eventide.http;

import dev.eventide.buffer.Bytes;
import dev.eventide.net.NetSocket;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamChunk;
import dev.eventide.stream.StreamOptions;
import dev.eventide.stream.WritableStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a server response and a client request share (Node's OutgoingMessage): the headers set
 * before sending, the head made once, and the body framed with Content-Length or chunked
 * encoding (with trailers). A writable stream: write() returns false past the highWaterMark
 * while the socket is slow, and 'finish' comes when the last bytes went to the socket.
 * Loop thread only.
 *
 * <p>Until the message owns the socket (a pipelined response waits for the ones before it, a
 * request for its connection), what it writes waits in {@code pending}, and its write
 * callbacks with it, so the stream's own buffering applies backpressure meanwhile.
 */
public abstract class OutgoingMessage extends WritableStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = Latin1Builder.bytes("Content-Length: ");
    private static final byte[] CHUNKED = Latin1Builder.bytes("Transfer-Encoding: chunked\r\n");

    final OutgoingHeaders headers = new OutgoingHeaders();
    NetSocket socket;
    /** The head, made by writeHead or the first write; null before. */
    byte[] head;
    /** The head's length in {@link #head}; the array may have room after it for the body. */
    int headLength;
    /** True until the head has gone out with the first bytes written. */
    boolean headPending;
    boolean hasBody = true;
    boolean chunked;
    /** Close the connection once this message is out (Node's _last). */
    boolean last;
    boolean shouldKeepAlive = true;
    boolean useChunkedEncodingByDefault = true;
    /** The body length when end(data) came before any write, else -1 (Node's _contentLength). */
    long contentLength = -1;
    boolean removedContentLength;
    boolean removedTransferEncoding;
    private Latin1Builder trailers;
    private List<Bytes> pending;
    private List<StreamCallback> pendingCallbacks;

    /**
     * Options for the usual highWaterMarks (16 KiB, and 64 KiB: the server's default and the
     * client's), shared: streams read their options and never change them.
     */
    private static final StreamOptions OPTIONS_16K = new StreamOptions().highWaterMark(16 * 1024);
    private static final StreamOptions OPTIONS_64K = new StreamOptions().highWaterMark(64 * 1024);

    OutgoingMessage(int highWaterMark) {
        super(options(highWaterMark));
    }

    /** A message with its own stream options (a client request: no autoDestroy at 'finish'). */
    OutgoingMessage(StreamOptions options) {
        super(options);
    }

    private static StreamOptions options(int highWaterMark) {
        return switch (highWaterMark) {
            case 16 * 1024 -> OPTIONS_16K;
            case 64 * 1024 -> OPTIONS_64K;
            default -> new StreamOptions().highWaterMark(highWaterMark);
        };
    }

    /** Makes the head (first line and headers) into {@link #head}. */
    abstract void storeHeader();

    /**
     * Takes the finished head out of {@code b}. When end(data) gave the whole body, the array
     * has room for it after the head, so that both go out as one array made once.
     */
    final void storeHead(Latin1Builder b) {
        boolean room = hasBody && !chunked && contentLength > 0 && contentLength <= MAX_BODY_AFTER_HEAD;
        headLength = b.size();
        head = b.toByteArray(room ? (int) contentLength : 0);
        headPending = true;
    }

    /** The largest body copied behind its head; a larger one is a write of its own. */
    private static final int MAX_BODY_AFTER_HEAD = 8 * 1024;

    // ---- headers ----

    public OutgoingMessage setHeader(String name, Object value) {
        if (head != null) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_HEADERS_SENT.make("set");
        }
        headers.set(name, value);
        return this;
    }

    /** Node's appendHeader: adds a value to a header already set. */
    public OutgoingMessage appendHeader(String name, Object value) {
        if (head != null) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_HEADERS_SENT.make("append");
        }
        headers.append(name, value);
        return this;
    }

    /** The value (a String or a List of Strings), or null. */
    public Object getHeader(String name) {
        return headers.get(name);
    }

    public Map<String, Object> getHeaders() {
        return headers.toMap();
    }

    public List<String> getHeaderNames() {
        return headers.names();
    }

    public List<String> getRawHeaderNames() {
        return headers.rawNames();
    }

    public boolean hasHeader(String name) {
        return headers.has(name);
    }

    public OutgoingMessage removeHeader(String name) {
        if (head != null) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_HEADERS_SENT.make("remove");
        }
        String key = OutgoingHeaders.lower(name);
        if (key.equals("content-length")) {
            removedContentLength = true;
        } else if (key.equals("transfer-encoding")) {
            removedTransferEncoding = true;
        }
        headers.remove(name);
        return this;
    }

    /** Whether the head has been made (it goes out with the first bytes). */
    public boolean headersSent() {
        return head != null;
    }

    /** Trailer fields, sent after a chunked body (ignored otherwise, as Node). */
    public OutgoingMessage addTrailers(Map<String, ?> fields) {
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = e.getKey();
            if (!OutgoingHeaders.isToken(name)) {
                throw dev.eventide.errors.ErrorCode.ERR_INVALID_HTTP_TOKEN.make("Trailer name", name);
            }
            String value = String.valueOf(e.getValue());
            if (OutgoingHeaders.hasInvalidChar(value)) {
                throw dev.eventide.errors.ErrorCode.ERR_INVALID_CHAR.make("trailer content", name);
            }
            if (trailers == null) {
                trailers = new Latin1Builder(64);
            }
            trailers.header(name, value);
        }
        return this;
    }

    /** Sends the head now, before any body. */
    public void flushHeaders() {
        if (head == null) {
            storeHeader();
        }
        if (headPending) {
            headPending = false;
            send(List.of(Bytes.wrap(head, 0, headLength)), null);
        }
    }

    /** Writes head lines the user gave as one flat list of names and values, or as a map. */
    void writeHeaderLines(Latin1Builder b, HeadState st) {
        if (headers.isEmpty()) {
            return;
        }
        for (OutgoingHeaders.Entry e : headers.entries()) {
            if (e.value() instanceof List<?> values) {
                for (Object v : values) {
                    st.line(b, e.name(), String.valueOf(v));
                }
            } else {
                st.line(b, e.name(), (String) e.value());
            }
        }
    }

    /** Node's end of _storeHeader: how the body is framed when the user did not say. */
    void framing(Latin1Builder b, HeadState st) {
        if (st.contentLength || st.transferEncoding) {
            chunked = st.chunkedByUser;
        } else if (!hasBody) {
            chunked = false;
        } else if (!useChunkedEncodingByDefault) {
            last = true;
        } else if (!st.trailer && !removedContentLength && contentLength >= 0) {
            b.append(CONTENT_LENGTH).append(contentLength).crlf();
        } else if (!removedTransferEncoding) {
            b.append(CHUNKED);
            chunked = true;
        } else {
            last = true;
        }
        // A message that is not chunked ends at its last body byte: it has nowhere to carry
        // trailers, so announcing them is an error (Node checks the same in _storeHeader).
        if (!chunked && st.trailer) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_TRAILER_INVALID.make();
        }
    }

    // ---- writing ----

    @Override
    public boolean write(Object chunk) {
        return write(chunk, null, null);
    }

    @Override
    public boolean write(Object chunk, StreamCallback cb) {
        return write(chunk, null, cb);
    }

    @Override
    public boolean write(Object chunk, String encoding, StreamCallback cb) {
        if (head == null && !writableEnded()) {
            storeHeader();
        }
        return super.write(chunk, encoding, cb);
    }

    @Override
    public OutgoingMessage end() {
        return end(null, null, null);
    }

    @Override
    public OutgoingMessage end(StreamCallback cb) {
        return end(null, null, cb);
    }

    @Override
    public OutgoingMessage end(Object chunk) {
        return end(chunk, null, null);
    }

    @Override
    public OutgoingMessage end(Object chunk, StreamCallback cb) {
        return end(chunk, null, cb);
    }

    @Override
    public OutgoingMessage end(Object chunk, String encoding, StreamCallback cb) {
        if (head == null && !writableEnded()) {
            if (chunk instanceof String s) {
                // Encoded once here, for both the Content-Length and the write.
                chunk = encoding == null ? Bytes.from(s) : Bytes.from(s, encoding);
                encoding = null;
            }
            // All the body is known: it goes with a Content-Length (Node's end()).
            contentLength = chunk == null ? 0 : byteLength(chunk, encoding);
            storeHeader();
        }
        super.end(chunk, encoding, cb);
        return this;
    }

    private static long byteLength(Object chunk, String encoding) {
        if (chunk instanceof Bytes b) {
            return b.length();
        }
        if (chunk instanceof byte[] a) {
            return a.length;
        }
        return encoding == null ? Bytes.byteLength(chunk.toString()) : Bytes.byteLength(chunk.toString(), encoding);
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback cb) {
        Bytes data = (Bytes) chunk;
        if (chunked && hasBody && data.length() > 0) {
            List<Bytes> parts = new ArrayList<>(4);
            takeHead(parts);
            frame(parts, data);
            send(concat(parts), cb);
        } else if (headPending && hasBody && data.length() > 0 && head.length - headLength >= data.length()) {
            // The usual answer, end(body): the body goes into the room left for it after the head.
            headPending = false;
            System.arraycopy(data.array(), data.byteOffset(), head, headLength, data.length());
            send(Bytes.wrap(head, 0, headLength + data.length()), cb);
        } else {
            // Head and body (or either) as one array, one socket write.
            send(join(takeHead(), hasBody && data.length() > 0 ? data : null), cb);
        }
    }

    /** Several buffered writes go out as one socket write. */
    @Override
    protected void _writev(List<StreamChunk> chunks, StreamCallback cb) {
        List<Bytes> parts = new ArrayList<>(chunks.size() * 3 + 1);
        takeHead(parts);
        for (StreamChunk c : chunks) {
            frame(parts, (Bytes) c.chunk());
        }
        send(parts, cb);
    }

    private void frame(List<Bytes> parts, Bytes data) {
        if (hasBody && data.length() > 0) {
            if (chunked) {
                parts.add(Bytes.from(Integer.toHexString(data.length()) + "\r\n", "latin1"));
                parts.add(data);
                parts.add(Bytes.wrap(CRLF));
            } else {
                parts.add(data);
            }
        }
    }

    /** Node's end of a message: the last chunk and trailers when chunked, or the head alone. */
    @Override
    protected void _final(StreamCallback cb) {
        Bytes tail = null;
        if (chunked && hasBody) {
            Latin1Builder b = new Latin1Builder(16).append(LAST_CHUNK);
            if (trailers != null) {
                b.append(trailers.toByteArray());
            }
            tail = Bytes.wrap(b.crlf().toByteArray());
        }
        send(join(takeHead(), tail), cb);
    }

    private void takeHead(List<Bytes> parts) {
        Bytes h = takeHead();
        if (h != null) {
            parts.add(h);
        }
    }

    /** The head if it has not gone out yet (it goes with these bytes), else null. */
    private Bytes takeHead() {
        if (!headPending) {
            return null;
        }
        headPending = false;
        return Bytes.wrap(head, 0, headLength);
    }

    /** a then b in one Bytes; null when both are null. */
    private static Bytes join(Bytes a, Bytes b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        byte[] out = new byte[a.length() + b.length()];
        System.arraycopy(a.array(), a.byteOffset(), out, 0, a.length());
        System.arraycopy(b.array(), b.byteOffset(), out, a.length(), b.length());
        return Bytes.wrap(out);
    }

    /** Hands bytes to the socket, or keeps them until the message owns one. */
    void send(List<Bytes> parts, StreamCallback cb) {
        send(parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : concat(parts), cb);
    }

    /** As send(parts): null is nothing to write, though a waiting message still keeps its place. */
    private void send(Bytes data, StreamCallback cb) {
        if (socket == null) {
            if (pending == null) {
                pending = new ArrayList<>();
                pendingCallbacks = new ArrayList<>();
            }
            pending.add(data == null ? Bytes.alloc(0) : data);
            pendingCallbacks.add(cb);
            return;
        }
        writeToSocket(data, cb);
    }

    private void writeToSocket(Bytes data, StreamCallback cb) {
        NetSocket s = socket;
        if (data == null || s.destroyed()) {
            if (cb != null) {
                cb.call(null);
            }
            return;
        }
        // Written at once when the socket is idle (the usual answer): no write cycle on the
        // socket's stream, and the message's callback runs now, as Node's does after a
        // synchronous uv_try_write.
        int n = s.tryWrite(data);
        if (n == data.length()) {
            if (cb != null) {
                cb.call(null);
            }
            return;
        }
        Bytes rest = n == 0 ? data : Bytes.wrap(data.array(), data.byteOffset() + n, data.length() - n);
        // Socket errors are the connection's business: the message only learns it is closed.
        s.write(rest, cb == null ? null : err -> cb.call(null));
    }

    private static Bytes concat(List<Bytes> parts) {
        int n = 0;
        for (Bytes b : parts) {
            n += b.length();
        }
        return Bytes.concat(parts, n);
    }

    /** The message now owns {@code s}: what waited goes out, in order. */
    void attach(NetSocket s) {
        socket = s;
        if (pending != null) {
            List<Bytes> p = pending;
            List<StreamCallback> cbs = pendingCallbacks;
            pending = null;
            pendingCallbacks = null;
            for (int i = 0; i < p.size(); i++) {
                writeToSocket(p.get(i), cbs.get(i));
            }
        }
    }

    /** The connection this message is written to, once it owns one. */
    public NetSocket socket() {
        return socket;
    }

    /** Calls socket.setTimeout(ms, cb) once there is a socket. */
    public OutgoingMessage setTimeout(int ms, dev.eventide.loop.Task callback) {
        if (socket != null) {
            socket.setTimeout(ms, callback);
        }
        return this;
    }
}
