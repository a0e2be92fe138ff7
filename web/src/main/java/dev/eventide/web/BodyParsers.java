package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;

/**
 * The body parsers of body-parser 2.x (Express 5): {@code json()}, {@code urlencoded()},
 * {@code text()} and {@code raw()} read a request body whose Content-Type they accept, under
 * a limit, into {@code req.body()}; other requests pass through untouched. The handlers run on
 * the loop thread and never block it (the body arrives as stream events, inflating runs on
 * the worker pool).
 *
 * <p>What each answers, as body-parser does: 413 ERR_BODY_TOO_LARGE past the limit (decoded
 * size), 415 ERR_UNSUPPORTED_CHARSET / ERR_UNSUPPORTED_ENCODING, 400 ERR_BODY_PARSE for bad
 * JSON or too deep a form key, 413 ERR_TOO_MANY_PARAMETERS, 400 ERR_BODY_ABORTED when the
 * client goes away. A request with no body (no Content-Length nor Transfer-Encoding) or one
 * whose body another parser already read is skipped; {@code req.body()} stays null then.
 */
public final class BodyParsers {
    /** The request attribute a parser sets when it takes the body, so no other parser reads it. */
    static final String READ_MARK = "bodyParsers.read";
    private static final List<String> JSON_TYPES = List.of("application/json", "+json");
    private static final List<String> FORM_TYPES = List.of("application/x-www-form-urlencoded");
    private static final List<String> TEXT_TYPES = List.of("text/plain");
    private static final List<String> RAW_TYPES = List.of("application/octet-stream");

    private BodyParsers() {
    }

    /** The decoding step after the bytes are read; may throw an HttpError. */
    @FunctionalInterface
    private interface Decoder {
        Object decode(WebRequest req, Bytes body, Charset charset);
    }

    public static Handler json() {
        return json(new BodyOptions());
    }

    /** application/json and any +json type, parsed with the app's JsonCodec (Jackson, read limits). */
    public static Handler json(BodyOptions o) {
        return parser(o, JSON_TYPES, Kind.JSON, (req, body, cs) -> parseJson(req, body, cs, o.strict));
    }

    public static Handler urlencoded() {
        return urlencoded(new BodyOptions());
    }

    /** application/x-www-form-urlencoded, flat (querystring) or, with extended, nested (qs). */
    public static Handler urlencoded(BodyOptions o) {
        return parser(o, FORM_TYPES, Kind.FORM, (req, body, cs) -> FormParser.parse(text(body, cs), cs, o));
    }

    public static Handler text() {
        return text(new BodyOptions());
    }

    /** text/plain as a String, in the body's charset (default utf-8). */
    public static Handler text(BodyOptions o) {
        return parser(o, TEXT_TYPES, Kind.TEXT, (req, body, cs) -> text(body, cs));
    }

    public static Handler raw() {
        return raw(new BodyOptions());
    }

    /** application/octet-stream as Bytes. */
    public static Handler raw(BodyOptions o) {
        return parser(o, RAW_TYPES, Kind.RAW, (req, body, cs) -> body);
    }

    private enum Kind { JSON, FORM, TEXT, RAW }

    private static Handler parser(BodyOptions o, List<String> defaultTypes, Kind kind, Decoder decoder) {
        List<String> types = o.types != null ? o.types : defaultTypes;
        return (req, res, next) -> {
            if (req.body() != null || req.attr(READ_MARK) != null || req.raw().readableEnded()
                    || !BodyReader.hasBody(req) || !accepts(req, o, types)) {
                next.call();
                return;
            }
            String contentType = req.get("content-type");
            Charset charset;
            try {
                charset = charset(kind, param(contentType, "charset"), o.defaultCharset);
            } catch (HttpError e) {
                next.call(e);
                return;
            }
            req.attr(READ_MARK, Boolean.TRUE);
            BodyReader.read(req, res, o, body -> {
                Object value;
                try {
                    value = decoder.decode(req, body, charset);
                } catch (HttpError e) {
                    next.call(e);
                    return;
                }
                req.body(value);
                next.call();
            }, next::call);
        };
    }

    private static boolean accepts(WebRequest req, BodyOptions o, List<String> types) {
        if (o.typeTest != null) {
            return o.typeTest.test(req);
        }
        String contentType = req.get("content-type");
        return contentType != null && MediaTypes.matches(contentType, types);
    }

    /** The charset to decode with, or a 415 as body-parser gives for one it cannot use. */
    private static Charset charset(Kind kind, String declared, String defaultCharset) {
        if (kind == Kind.RAW) {
            return null;
        }
        String name = declared != null ? declared.toLowerCase(Locale.ROOT)
                : kind == Kind.JSON ? "utf-8" : defaultCharset;
        boolean allowed = switch (kind) {
            case JSON -> name.startsWith("utf-");
            case FORM -> name.equals("utf-8") || name.equals("iso-8859-1");
            default -> true;
        };
        Charset cs = allowed ? lookup(name) : null;
        if (cs == null) {
            throw new HttpError(415, ErrorCode.ERR_UNSUPPORTED_CHARSET, name.toUpperCase(Locale.ROOT));
        }
        return cs;
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A parameter of a header value such as Content-Type ("text/plain; charset=utf-8"), unquoted. */
    static String param(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        String[] parts = headerValue.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /** The body as text, without a leading byte order mark (iconv-lite strips it). */
    private static String text(Bytes body, Charset cs) {
        String s = new String(body.array(), body.byteOffset(), body.length(), cs);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static Object parseJson(WebRequest req, Bytes body, Charset cs, boolean strict) {
        byte[] bytes;
        int off;
        int len;
        if (cs.equals(StandardCharsets.UTF_8)) {
            bytes = body.array();
            off = body.byteOffset();
            len = body.length();
            if (len >= 3 && bytes[off] == (byte) 0xEF && bytes[off + 1] == (byte) 0xBB && bytes[off + 2] == (byte) 0xBF) {
                off += 3;
                len -= 3;
            }
        } else {
            bytes = text(body, cs).getBytes(StandardCharsets.UTF_8);
            off = 0;
            len = bytes.length;
        }
        if (len == 0) {
            return new LinkedHashMap<String, Object>(); // body-parser: an empty body is {}
        }
        if (strict) {
            checkStrictStart(bytes, off, len);
        }
        try {
            return req.app().json().read(bytes, off, len);
        } catch (JacksonException e) {
            throw HttpError.causedBy(e, 400, ErrorCode.ERR_BODY_PARSE, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** body-parser's strict mode: the first token must open an object or an array. */
    private static void checkStrictStart(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = bytes[i];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            if (b == '{' || b == '[') {
                return;
            }
            break;
        }
        throw new HttpError(400, ErrorCode.ERR_BODY_PARSE,
                "invalid JSON: strict mode accepts only an object or an array");
    }
}
