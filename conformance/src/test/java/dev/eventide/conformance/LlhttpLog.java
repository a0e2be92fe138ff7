package dev.eventide.conformance;

import dev.eventide.http.Http1Handler;
import dev.eventide.http.Http1Parser;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Http1Handler} that writes llhttp's test log (FORMAT.md "The expected log"):
 * one line per event, data spans merged when a read boundary split them, then cut at CR/LF.
 * Offsets are absolute because the runner feeds slices of one array.
 */
final class LlhttpLog implements Http1Handler {
    private record Span(String name, int off, ByteArrayOutputStream bytes) {}

    private final List<Object> events = new ArrayList<>();
    private final String pauseOn;
    private final boolean skipBody;
    Http1Parser parser;

    LlhttpLog(String pauseOn, boolean skipBody) {
        this.pauseOn = pauseOn;
        this.skipBody = skipBody;
    }

    void line(String text) {
        events.add(text);
    }

    private int event(String name, String text) {
        events.add("off=" + parser.position() + " " + text);
        return name.equals(pauseOn) ? PAUSE : OK;
    }

    private void span(String name, ByteBuffer b, int off, int len) {
        byte[] data = new byte[len];
        b.get(off, data);
        if (!events.isEmpty() && events.getLast() instanceof Span last && last.name.equals(name)
                && last.off + last.bytes.size() == off) {
            last.bytes.writeBytes(data);
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(data);
        events.add(new Span(name, off, out));
    }

    List<String> render() {
        List<String> out = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Span s) {
                renderSpan(out, s);
            } else {
                out.add((String) e);
            }
        }
        return out;
    }

    private static void renderSpan(List<String> out, Span s) {
        byte[] b = s.bytes.toByteArray();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            boolean eol = i < b.length && (b[i] == '\r' || b[i] == '\n');
            if (i == b.length || eol) {
                if (i > start || (b.length == 0)) {
                    String text = new String(b, start, i - start, StandardCharsets.UTF_8);
                    out.add("off=" + (s.off + start) + " len=" + (i - start) + " span[" + s.name + "]=\"" + text + "\"");
                }
                if (eol) {
                    out.add("off=" + (s.off + i) + " len=1 span[" + s.name + "]=" + (b[i] == '\r' ? "cr" : "lf"));
                }
                start = i + 1;
            }
        }
    }

    @Override public int onMessageBegin(Http1Parser p) {
        return event("on_message_begin", "message begin");
    }

    @Override public int onReset(Http1Parser p) {
        return event("on_reset", "reset");
    }

    @Override public void onMethod(ByteBuffer b, int off, int len) {
        span("method", b, off, len);
    }

    @Override public int onMethodComplete(Http1Parser p) {
        return event("on_method_complete", "method complete");
    }

    @Override public void onUrl(ByteBuffer b, int off, int len) {
        span("url", b, off, len);
    }

    @Override public int onUrlComplete(Http1Parser p) {
        return event("on_url_complete", "url complete");
    }

    @Override public void onProtocol(ByteBuffer b, int off, int len) {
        span("protocol", b, off, len);
    }

    @Override public int onProtocolComplete(Http1Parser p) {
        return event("on_protocol_complete", "protocol complete");
    }

    @Override public void onVersion(ByteBuffer b, int off, int len) {
        span("version", b, off, len);
    }

    @Override public int onVersionComplete(Http1Parser p) {
        return event("on_version_complete", "version complete");
    }

    @Override public void onStatus(ByteBuffer b, int off, int len) {
        span("status", b, off, len);
    }

    @Override public int onStatusComplete(Http1Parser p) {
        return event("on_status_complete", "status complete");
    }

    @Override public void onHeaderField(ByteBuffer b, int off, int len) {
        span("header_field", b, off, len);
    }

    @Override public int onHeaderFieldComplete(Http1Parser p) {
        return event("on_header_field_complete", "header_field complete");
    }

    @Override public void onHeaderValue(ByteBuffer b, int off, int len) {
        span("header_value", b, off, len);
    }

    @Override public int onHeaderValueComplete(Http1Parser p) {
        return event("on_header_value_complete", "header_value complete");
    }

    @Override public int onHeadersComplete(Http1Parser p) {
        String first = p.kind() == Http1Parser.Kind.REQUEST
                ? "method=" + p.method().ordinal() : "status=" + p.statusCode();
        int rc = event("on_headers_complete", "headers complete " + first + " v=" + p.httpMajor() + "/"
                + p.httpMinor() + " flags=" + Integer.toHexString(p.flags())
                + " content_length=" + Long.toUnsignedString(p.contentLength()));
        if (skipBody) {
            line("off=" + p.position() + " skip body");
            return SKIP_BODY;
        }
        return rc;
    }

    @Override public void onBody(ByteBuffer b, int off, int len) {
        span("body", b, off, len);
    }

    @Override public int onChunkHeader(Http1Parser p) {
        return event("on_chunk_header", "chunk header len=" + Long.toUnsignedString(p.contentLength()));
    }

    @Override public void onChunkExtensionName(ByteBuffer b, int off, int len) {
        span("chunk_extension_name", b, off, len);
    }

    @Override public int onChunkExtensionNameComplete(Http1Parser p) {
        return event("on_chunk_extension_name", "chunk_extension_name complete");
    }

    @Override public void onChunkExtensionValue(ByteBuffer b, int off, int len) {
        span("chunk_extension_value", b, off, len);
    }

    @Override public int onChunkExtensionValueComplete(Http1Parser p) {
        return event("on_chunk_extension_value", "chunk_extension_value complete");
    }

    @Override public int onChunkComplete(Http1Parser p) {
        return event("on_chunk_complete", "chunk complete");
    }

    @Override public int onMessageComplete(Http1Parser p) {
        return event("on_message_complete", "message complete");
    }
}
