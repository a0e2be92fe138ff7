package dev.eventide.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded harness for {@link Http1Parser}, bytes in and events out (Netty's
 * EmbeddedChannel for the codec): it collects spans into whole items and records one readable
 * event per item, so a test can feed input in any split and compare the event list.
 * Single-threaded, like the parser.
 */
final class Http1Harness implements Http1Handler {
    final Http1Parser parser;
    final List<String> events = new ArrayList<>();
    /** What onHeadersComplete returns (OK, SKIP_BODY, PAUSE...). */
    int headersResult = OK;
    /** Pause after every onMessageComplete when set. */
    boolean pauseAfterMessage;
    /** Bytes consumed by the last feed. */
    int consumed;

    private final StringBuilder item = new StringBuilder();
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder body = new StringBuilder();

    Http1Harness(Http1Parser.Kind kind, Http1Settings settings) {
        this.parser = new Http1Parser(kind, this, settings);
    }

    static Http1Harness request() {
        return new Http1Harness(Http1Parser.Kind.REQUEST, Http1Settings.DEFAULTS);
    }

    static Http1Harness response() {
        return new Http1Harness(Http1Parser.Kind.RESPONSE, Http1Settings.DEFAULTS);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds all of s in one execute call. */
    Http1Harness feed(String s) {
        byte[] b = bytes(s);
        consumed = parser.execute(b, 0, b.length);
        return this;
    }

    /** Feeds the input in pieces of {@code size} bytes, stopping at the first error or pause. */
    Http1Harness feedInChunks(byte[] in, int size) {
        consumed = 0;
        for (int at = 0; at < in.length; at += size) {
            int n = Math.min(size, in.length - at);
            int used = parser.execute(in, at, n);
            consumed += used;
            if (parser.error() != null) {
                break;
            }
        }
        return this;
    }

    Http1Harness feedByteByByte(String s) {
        return feedInChunks(bytes(s), 1);
    }

    String errorCode() {
        return parser.error() == null ? null : parser.error().code();
    }

    private String take(StringBuilder b) {
        String s = b.toString();
        b.setLength(0);
        return s;
    }

    private void collect(StringBuilder b, ByteBuffer buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            b.append((char) (buf.get(off + i) & 0xff));
        }
    }

    @Override public int onMessageBegin(Http1Parser p) {
        events.add("begin");
        return OK;
    }

    @Override public int onReset(Http1Parser p) {
        events.add("reset");
        return OK;
    }

    @Override public void onMethod(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onMethodComplete(Http1Parser p) {
        events.add("method=" + take(item) + "/" + p.method().text());
        return OK;
    }

    @Override public void onUrl(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onUrlComplete(Http1Parser p) {
        events.add("url=" + take(item));
        return OK;
    }

    @Override public void onProtocol(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onProtocolComplete(Http1Parser p) {
        take(item);
        return OK;
    }

    @Override public void onVersion(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onVersionComplete(Http1Parser p) {
        take(item);
        return OK;
    }

    @Override public void onStatus(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onStatusComplete(Http1Parser p) {
        events.add("status=" + p.statusCode() + " " + take(item));
        return OK;
    }

    @Override public void onHeaderField(ByteBuffer b, int off, int len) {
        collect(field, b, off, len);
    }

    @Override public void onHeaderValue(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onHeaderValueComplete(Http1Parser p) {
        events.add("header=" + take(field) + ": " + take(item));
        return OK;
    }

    @Override public int onHeadersComplete(Http1Parser p) {
        events.add("headers v=" + p.httpMajor() + "." + p.httpMinor() + " keepAlive=" + p.shouldKeepAlive()
                + " upgrade=" + p.upgrade() + " length=" + p.contentLength());
        return headersResult;
    }

    @Override public void onBody(ByteBuffer b, int off, int len) {
        collect(body, b, off, len);
    }

    @Override public int onChunkHeader(Http1Parser p) {
        events.add("chunk=" + p.contentLength());
        return OK;
    }

    @Override public void onChunkExtensionName(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onChunkExtensionNameComplete(Http1Parser p) {
        events.add("ext-name=" + take(item));
        return OK;
    }

    @Override public void onChunkExtensionValue(ByteBuffer b, int off, int len) {
        collect(item, b, off, len);
    }

    @Override public int onChunkExtensionValueComplete(Http1Parser p) {
        events.add("ext-value=" + take(item));
        return OK;
    }

    @Override public int onMessageComplete(Http1Parser p) {
        if (!body.isEmpty()) {
            events.add("body=" + take(body));
        }
        events.add("complete");
        return pauseAfterMessage ? PAUSE : OK;
    }
}
