package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.http.Http;
import dev.eventide.http.ServerResponse;
import dev.eventide.stream.WritableStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Express's {@code res}: the HTTP response ({@link #raw()}) with Express 5's helpers for status,
 * headers, bodies, redirects, cookies and negotiation. Every body byte goes through
 * {@link #stream()}, which is the raw response unless a middleware (compression) put a writable
 * in front of it. Loop thread only.
 *
 * <p>send() and json() do what Express's res.send does, in its order: onSend hooks, ETag
 * (weak by default, the "etag" setting), 304 when the request is fresh, Content-Length, then
 * one end() with the whole body.
 */
public class WebResponse {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private final WebApp app;
    private final ServerResponse raw;
    private final WebRequest req;
    private Map<String, Object> locals;
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
        return req.app();
    }

    /** Values for this request's views and handlers (Express's res.locals). */
    public Map<String, Object> locals() {
        if (locals == null) {
            locals = new HashMap<>();
        }
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
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("Invalid status code: " + code + ". Status code must be an integer between 100 and 999.");
        }
        raw.statusCode(code);
        return this;
    }

    public boolean headersSent() {
        return raw.headersSent();
    }

    /** Sets a header, replacing any value (Express's res.set); a text or JSON Content-Type gets charset=utf-8. */
    public WebResponse set(String name, Object value) {
        if (value instanceof String s && name.equalsIgnoreCase("content-type")) {
            value = withCharset(s);
        }
        raw.setHeader(name, value);
        return this;
    }

    /** mime-types' contentType(): a charset for the types that have one. */
    private static String withCharset(String s) {
        if (s.indexOf(';') >= 0) {
            return s;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        boolean utf8 = lower.startsWith("text/") || lower.equals("application/json") || lower.endsWith("+json")
                || lower.equals("application/javascript") || lower.equals("application/xml");
        return utf8 ? s + "; charset=utf-8" : s;
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

    /** Adds a field to Vary unless it is there (or Vary is "*"), as the vary package does. */
    public WebResponse vary(String field) {
        String merged = ResponseHeaders.vary(get("Vary"), field);
        if (merged != null) {
            raw.setHeader("Vary", merged);
        }
        return this;
    }

    /** Adds Link relations: {@code <url>; rel="next", ...} after any Link already set. */
    public WebResponse links(Map<String, String> links) {
        StringBuilder b = new StringBuilder();
        String existing = get("Link");
        if (existing != null) {
            b.append(existing).append(", ");
        }
        boolean first = true;
        for (Map.Entry<String, String> e : links.entrySet()) {
            b.append(first ? "" : ", ").append('<').append(e.getValue()).append(">; rel=\"").append(e.getKey()).append('"');
            first = false;
        }
        raw.setHeader("Link", b.toString());
        return this;
    }

    /** Content-Disposition: attachment, with the file name (RFC 6266, filename* for non-ASCII) and its type. */
    public WebResponse attachment(String filename) {
        String name = filename == null ? null : ResponseHeaders.basename(filename);
        if (name != null && !name.isEmpty()) {
            int dot = name.lastIndexOf('.');
            if (dot >= 0) {
                type(name.substring(dot));
            }
        }
        raw.setHeader("Content-Disposition", ResponseHeaders.contentDisposition(name));
        return this;
    }

    public WebResponse attachment() {
        return attachment(null);
    }

    // ---- files ----

    /**
     * Express's res.sendFile: streams a file with send's headers (type, length, ETag,
     * Last-Modified, ranges, 304/412/416). {@code path} must be absolute; errors go to next(err).
     */
    public WebResponse sendFile(String path) {
        FileResponses.sendFile(this, path, null, null, null);
        return this;
    }

    /** sendFile with a callback that receives null when sent, or the error (nothing sent then). */
    public WebResponse sendFile(String path, java.util.function.Consumer<Throwable> callback) {
        FileResponses.sendFile(this, path, null, null, callback);
        return this;
    }

    /** sendFile of {@code path} resolved under {@code root} (it may not leave the root), with options. */
    public WebResponse sendFile(String path, String root, SendOptions options, java.util.function.Consumer<Throwable> callback) {
        FileResponses.sendFile(this, path, root, options, callback);
        return this;
    }

    /** Express's res.download: sendFile as an attachment named after the file. */
    public WebResponse download(String path) {
        FileResponses.download(this, path, null, null, null);
        return this;
    }

    /** res.download with the name the client should save it as, options and a callback (each may be null). */
    public WebResponse download(String path, String filename, SendOptions options, java.util.function.Consumer<Throwable> callback) {
        FileResponses.download(this, path, filename, options, callback);
        return this;
    }

    // ---- bodies ----

    /** Sends a JSON body (application/json unless a Content-Type was set). */
    public WebResponse json(Object value) {
        byte[] body = req.app().json().write(value);
        if (!raw.hasHeader("content-type")) {
            raw.setHeader("Content-Type", JSON);
        }
        return finish(Bytes.wrap(body));
    }

    /**
     * Sends a whole body: a String (text/html by default, charset=utf-8 added), Bytes or byte[]
     * (octet-stream by default), null (empty) or any other object as JSON.
     */
    public WebResponse send(Object body) {
        if (body instanceof String s) {
            String type = get("Content-Type");
            raw.setHeader("Content-Type", type == null ? HTML : ResponseHeaders.setCharset(type));
            return finish(s);
        }
        if (body instanceof Bytes || body instanceof byte[]) {
            if (!raw.hasHeader("content-type")) {
                raw.setHeader("Content-Type", "application/octet-stream");
            }
            return finish(body);
        }
        if (body == null) {
            return finish("");
        }
        return json(body);
    }

    /** Express's send() from the payload on: onSend, ETag, freshness, Content-Length, end. */
    private WebResponse finish(Object payload) {
        HookScope scope = req.scope;
        if (scope != null) {
            try {
                payload = scope.onSend(req, this, payload);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Bytes bytes = toBytes(payload);
        Object etag = req.app().setting("etag");
        if (bytes != null && !Boolean.FALSE.equals(etag) && !raw.hasHeader("etag")) {
            raw.setHeader("ETag", ETags.of(bytes, !"strong".equals(etag)));
        }
        if (req.fresh()) {
            raw.statusCode(304);
        }
        return end(bytes);
    }

    private static Bytes toBytes(Object payload) {
        return payload == null ? null
                : payload instanceof String s ? Bytes.from(s)
                : payload instanceof byte[] a ? Bytes.wrap(a)
                : payload instanceof Bytes b ? b
                : Bytes.from(String.valueOf(payload));
    }

    /** Ends with a whole body, minding 204/304 (no body) and 205 (empty), and HEAD. */
    private WebResponse end(Bytes bytes) {
        int status = raw.statusCode();
        if (status == 204 || status == 304) {
            raw.removeHeader("Content-Type");
            raw.removeHeader("Content-Length");
            raw.removeHeader("Transfer-Encoding");
            bytes = null;
        } else if (status == 205) {
            raw.setHeader("Content-Length", 0);
            raw.removeHeader("Transfer-Encoding");
            bytes = null;
        } else if (bytes != null) {
            raw.setHeader("Content-Length", bytes.length());
        }
        if (bytes == null || "HEAD".equals(req.method())) {
            stream.end();
        } else {
            stream.end(bytes);
        }
        return this;
    }

    /**
     * Sends a body whose headers the caller set (default pages, the OPTIONS answer): onSend hooks
     * run, but a failing hook cannot stop an error page; no ETag, no freshness.
     */
    WebResponse sendPlain(String body) {
        Object payload = body;
        HookScope scope = req.scope;
        if (scope != null) {
            try {
                payload = scope.onSend(req, this, payload);
            } catch (Exception e) {
                DefaultErrors.log(req.app(), e);
            }
        }
        return end(toBytes(payload));
    }

    /** Sets the status and sends its standard text as the body (Express's res.sendStatus). */
    public WebResponse sendStatus(int code) {
        status(code);
        String text = Http.STATUS_CODES.get(code);
        raw.setHeader("Content-Type", "text/plain; charset=utf-8");
        return send(text == null ? Integer.toString(code) : text);
    }

    // ---- redirects, cookies, negotiation ----

    /** Sets Location, percent-encoding what a URL may not hold (encodeurl). */
    public WebResponse location(String url) {
        raw.setHeader("Location", UriCodec.encodeUrl(url));
        return this;
    }

    public WebResponse redirect(String url) {
        return redirect(302, url);
    }

    /** Express 5's redirect: Location, and a short text or HTML body by Accept. */
    public WebResponse redirect(int status, String url) {
        location(url);
        String address = get("Location");
        String phrase = Http.STATUS_CODES.getOrDefault(status, Integer.toString(status));
        String[] body = new String[1];
        Map<String, Runnable> formats = new java.util.LinkedHashMap<>();
        formats.put("text", () -> body[0] = phrase + ". Redirecting to " + address);
        formats.put("html", () -> body[0] = "<!DOCTYPE html><head><title>" + phrase + "</title></head><body><p>" + phrase
                + ". Redirecting to " + DefaultErrors.escapeHtml(address) + "</p></body>");
        formats.put("default", () -> body[0] = "");
        format(formats);
        raw.statusCode(status);
        return end(Bytes.from(body[0]));
    }

    /** Sets a cookie (Express's res.cookie; path "/" unless given). An object value is sent as "j:" + JSON. */
    public WebResponse cookie(String name, Object value, CookieOptions options) {
        CookieOptions opts = options == null ? new CookieOptions() : options.copy();
        String val = value instanceof String s ? s : "j:" + new String(req.app().json().write(value), java.nio.charset.StandardCharsets.UTF_8);
        if (opts.signed) {
            Object secret = req.attr("secret");
            if (secret == null) {
                throw new IllegalStateException("cookieParser(\"secret\") required for signed cookies");
            }
            val = "s:" + CookieSignature.sign(val, secret.toString());
        }
        Long maxAgeSeconds = null;
        if (opts.maxAge != null) {
            opts.expires = java.time.Instant.now().plusMillis(opts.maxAge);
            maxAgeSeconds = Math.floorDiv(opts.maxAge, 1000L);
        }
        raw.appendHeader("Set-Cookie", opts.serialize(name, val, maxAgeSeconds));
        return this;
    }

    public WebResponse cookie(String name, Object value) {
        return cookie(name, value, null);
    }

    /** Expires a cookie (Express 5: the given options, Expires in 1970, no Max-Age). */
    public WebResponse clearCookie(String name, CookieOptions options) {
        CookieOptions opts = options == null ? new CookieOptions() : options.copy();
        opts.maxAge = null;
        opts.expires = java.time.Instant.ofEpochMilli(1);
        return cookie(name, "", opts);
    }

    public WebResponse clearCookie(String name) {
        return clearCookie(name, null);
    }

    /**
     * Express's res.format: runs the action for the best type the client accepts (keys are MIME
     * types or extensions; "default" when none fits) after setting Content-Type and Vary: Accept.
     * With no fit and no default it throws a 406 HttpError (ERR_NOT_ACCEPTABLE), which reaches the
     * error handlers as Express's next(406 error) does.
     */
    public WebResponse format(Map<String, ? extends Runnable> actions) {
        List<String> keys = actions.keySet().stream().filter(k -> !k.equals("default")).toList();
        String key = keys.isEmpty() ? null : req.accepts(keys.toArray(String[]::new));
        vary("Accept");
        if (key != null) {
            set("Content-Type", Negotiation.toMime(key));
            actions.get(key).run();
        } else if (actions.containsKey("default")) {
            actions.get("default").run();
        } else {
            throw new HttpError(406, ErrorCode.ERR_NOT_ACCEPTABLE);
        }
        return this;
    }

    // ---- streaming ----

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
