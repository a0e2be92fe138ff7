package dev.eventide.web;

import dev.eventide.buffer.Bytes;
import dev.eventide.http.ServerResponse;
import dev.eventide.stream.WritableStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Express's {@code res}: the HTTP response ({@link #raw()}) with Express's helpers for status,
 * headers and bodies. Every body byte goes through {@link #stream()}, which is the raw response
 * unless a middleware (compression) put a writable in front of it. Loop thread only.
 */
public class WebResponse {
    private final WebApp app;
    private final ServerResponse raw;
    private final WebRequest req;
    private final Map<String, Object> locals = new HashMap<>();
    private WritableStream stream;

    protected WebResponse(WebApp app, ServerResponse raw, WebRequest req) {
        this.app = app;
        this.raw = raw;
        this.req = req;
        this.stream = raw;
        req.response(this);
    }

    public ServerResponse raw() {
        return raw;
    }

    public WebRequest req() {
        return req;
    }

    public WebApp app() {
        return app;
    }

    /** Values for this request's views and handlers (Express's res.locals). */
    public Map<String, Object> locals() {
        return locals;
    }

    /** Where body bytes go: the raw response, or a writable a middleware put in front of it. */
    public WritableStream stream() {
        return stream;
    }

    /**
     * Puts a writable in front of the current one (compression does): it must pass what it
     * writes on to the writable that {@link #stream()} returned before this call.
     */
    public WebResponse stream(WritableStream stream) {
        this.stream = stream;
        return this;
    }

    public int statusCode() {
        return raw.statusCode();
    }

    public WebResponse status(int code) {
        raw.statusCode(code);
        return this;
    }

    public boolean headersSent() {
        return raw.headersSent();
    }

    /** Sets a header, replacing any value (Express's res.set); a Content-Type gets a charset as Express does. */
    public WebResponse set(String name, Object value) {
        if (value instanceof String s && name.equalsIgnoreCase("content-type") && !s.contains("charset")
                && (s.startsWith("text/") || s.equals("application/json") || s.equals("application/javascript"))) {
            value = s + "; charset=utf-8";
        }
        raw.setHeader(name, value);
        return this;
    }

    public WebResponse set(Map<String, ?> fields) {
        fields.forEach(this::set);
        return this;
    }

    /** A response header's value as set so far (Express's res.get). */
    public String get(String name) {
        Object v = raw.getHeader(name);
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return v == null ? null : v.toString();
    }

    /** Adds a value to a header (Express's res.append). */
    public WebResponse append(String name, Object value) {
        raw.appendHeader(name, value);
        return this;
    }

    /** Sets Content-Type from a MIME type or an extension ("json", ".html"). */
    public WebResponse type(String type) {
        return set("Content-Type", type.contains("/") ? type : MimeTypes.lookup(type));
    }

    /** Sends a JSON body (application/json unless a Content-Type was set). */
    public WebResponse json(Object value) {
        byte[] body = app.json().write(value);
        if (!raw.hasHeader("content-type")) {
            set("Content-Type", "application/json");
        }
        return send(Bytes.wrap(body));
    }

    /**
     * Sends a whole body: a String (text/html by default), Bytes or byte[] (octet-stream by
     * default), null (empty) or any other object as JSON. HEAD requests get the headers only.
     */
    public WebResponse send(Object body) {
        if (body != null && !(body instanceof String) && !(body instanceof Bytes) && !(body instanceof byte[])) {
            return json(body);
        }
        if (body != null && !raw.hasHeader("content-type")) {
            set("Content-Type", body instanceof String ? "text/html" : "application/octet-stream");
        }
        Bytes bytes = body == null ? null
                : body instanceof String s ? Bytes.from(s) : body instanceof byte[] a ? Bytes.wrap(a) : (Bytes) body;
        if (bytes != null) {
            raw.setHeader("Content-Length", bytes.length());
        }
        int status = raw.statusCode();
        if (status == 204 || status == 304) {
            raw.removeHeader("Content-Type");
            raw.removeHeader("Content-Length");
            raw.removeHeader("Transfer-Encoding");
            bytes = null;
        }
        if ("HEAD".equals(req.method()) || bytes == null) {
            stream.end();
        } else {
            stream.end(bytes);
        }
        return this;
    }

    /** Sets the status and sends its standard text as the body (Express's res.sendStatus). */
    public WebResponse sendStatus(int code) {
        status(code);
        String text = dev.eventide.http.Http.STATUS_CODES.get(code);
        type("text/plain");
        return send(text == null ? Integer.toString(code) : text);
    }

    public boolean write(Object chunk) {
        return stream.write(chunk);
    }

    public WebResponse end() {
        stream.end();
        return this;
    }

    public WebResponse end(Object chunk) {
        stream.end(chunk);
        return this;
    }

    /** Listens for an event of the raw response ('finish', 'close'). */
    public WebResponse on(String event, dev.eventide.events.Listener listener) {
        raw.on(event, listener);
        return this;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
