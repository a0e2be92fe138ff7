package dev.eventide.http;

import dev.eventide.buffer.Bytes;
import dev.eventide.stream.StreamCallback;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Node's http.ServerResponse: the answer to one request, as a writable stream of its body.
 * Set statusCode and headers, then write()/end(); the head goes out with the first bytes.
 * end(data) before any write sends a Content-Length, otherwise the body is chunked; HEAD, 204,
 * 304 and 1xx answers carry no body. Loop thread only.
 */
public class ServerResponse extends OutgoingMessage {
    private static final byte[] KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final IncomingMessage req;
    private final ServerConnection connection;
    private int statusCode = 200;
    private String statusMessage;
    private boolean sendDate = true;
    /** Node's _expect_continue / _sent100. */
    boolean expectContinue;
    private boolean sent100;

    ServerResponse(IncomingMessage req, ServerConnection connection, int highWaterMark) {
        super(highWaterMark);
        this.req = req;
        this.connection = connection;
        if ("HEAD".equals(req.method)) {
            hasBody = false;
        }
        if (req.versionMajor < 1 || (req.versionMajor == 1 && req.versionMinor < 1)) {
            String te = req.head.first("te");
            useChunkedEncodingByDefault = te != null && te.toLowerCase().contains("chunked");
        }
    }

    public int statusCode() {
        return statusCode;
    }

    public ServerResponse statusCode(int code) {
        this.statusCode = code;
        return this;
    }

    public String statusMessage() {
        return statusMessage != null ? statusMessage : HttpStatus.CODES.getOrDefault(statusCode, "unknown");
    }

    public ServerResponse statusMessage(String message) {
        this.statusMessage = message;
        return this;
    }

    /** Whether a Date header is added when the user sets none (default true). */
    public ServerResponse sendDate(boolean on) {
        this.sendDate = on;
        return this;
    }

    public boolean sendDate() {
        return sendDate;
    }

    /** The request this response answers. */
    public IncomingMessage req() {
        return req;
    }

    /**
     * Node registers resOnFinish as the first 'finish' listener of every response (the next
     * pipelined response takes the socket, or the connection ends). Here the response calls it
     * itself, before any listener, as Node's order has it: one listener less per request.
     * Unlike Node, listenerCount("finish") does not count it.
     */
    @Override
    public boolean emit(Object event, Object... args) {
        if ("finish".equals(event)) {
            connection.onResponseFinished(req, this);
        }
        return super.emit(event, args);
    }

    @Override
    public ServerResponse setHeader(String name, Object value) {
        super.setHeader(name, value);
        return this;
    }

    // ---- writeHead ----

    public ServerResponse writeHead(int status) {
        return writeHead(status, null, (Map<String, ?>) null);
    }

    public ServerResponse writeHead(int status, Map<String, ?> fields) {
        return writeHead(status, null, fields);
    }

    public ServerResponse writeHead(int status, String message) {
        return writeHead(status, message, (Map<String, ?>) null);
    }

    /** Sets the status and headers and makes the head; it goes out with the first bytes. */
    public ServerResponse writeHead(int status, String message, Map<String, ?> fields) {
        prepareHead(status, message);
        if (fields != null) {
            fields.forEach(headers::set);
        }
        storeHeader();
        return this;
    }

    /** writeHead with headers as a flat list: name, value, name, value... */
    public ServerResponse writeHead(int status, String message, List<?> flat) {
        prepareHead(status, message);
        if (flat.size() % 2 != 0) {
            throw dev.eventide.errors.Errors.invalidArgValue("headers", flat, "is invalid");
        }
        for (int i = 0; i < flat.size(); i += 2) {
            headers.append(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        storeHeader();
        return this;
    }

    private void prepareHead(int status, String message) {
        if (head != null) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_HEADERS_SENT.make("write");
        }
        if (status < 100 || status > 999) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_INVALID_STATUS_CODE.make(status);
        }
        if (message != null) {
            if (OutgoingHeaders.hasInvalidChar(message)) {
                throw dev.eventide.errors.ErrorCode.ERR_INVALID_CHAR.make("statusMessage", message);
            }
            statusMessage = message;
        }
        statusCode = status;
    }

    /** Sends "100 Continue" (for a request that said Expect: 100-continue). */
    public void writeContinue() {
        writeContinue(null);
    }

    public void writeContinue(StreamCallback cb) {
        sent100 = true;
        send(List.of(Bytes.wrap(CONTINUE)), cb);
    }

    // ---- the head (Node's _storeHeader for a server) ----

    @Override
    void storeHeader() {
        if (head != null) {
            return;
        }
        if (statusCode < 100 || statusCode > 999) {
            throw dev.eventide.errors.ErrorCode.ERR_HTTP_INVALID_STATUS_CODE.make(statusCode);
        }
        if (statusCode == 204 || statusCode == 304 || (statusCode >= 100 && statusCode < 200)) {
            hasBody = false;
        }
        Latin1Builder b = connection.headBuilder.reset();
        b.append(HttpStatus.line(statusCode, statusMessage));
        HeadState st = new HeadState();
        writeHeaderLines(b, st);
        if (sendDate && !st.date) {
            b.append(connection.date.lineNow());
        }
        connectionLines(b, st);
        framing(b, st);
        storeHead(b.crlf());
    }

    private void connectionLines(Latin1Builder b, HeadState st) {
        if (expectContinue && !sent100) {
            // The client still holds the body back: the connection cannot carry another request.
            shouldKeepAlive = false;
        }
        if (st.connection) {
            if (st.connectionClose) {
                last = true;
            }
            return;
        }
        boolean keep = shouldKeepAlive && (st.contentLength || useChunkedEncodingByDefault);
        if (keep && connection.lastRequestOnSocket(req)) {
            keep = false;
        }
        if (keep) {
            b.append(KEEP_ALIVE);
            byte[] ka = connection.keepAliveLine();
            if (ka != null && !st.keepAlive) {
                b.append(ka);
            }
        } else {
            last = true;
            b.append(CLOSE);
        }
    }
}
