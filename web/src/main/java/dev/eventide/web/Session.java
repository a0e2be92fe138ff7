package dev.eventide.web;

import dev.eventide.crypto.Crypto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sessions as express-session keeps them: a signed session-id cookie ("eventide.sid", value
 * {@code s:<id>.<HMAC>} URI-encoded, HttpOnly, Path=/), the data in a {@link SessionStore}
 * (memory by default), {@code req.attr("session")} holding a {@link SessionData}. A missing,
 * unsigned, tampered or unknown cookie starts a new session; ids are 24 CSPRNG bytes in base64url.
 * Defaults as express-session: saveUninitialized false and resave false (an untouched new
 * session is neither stored nor given a cookie), rolling false.
 *
 * <p>WHEN: the middleware puts a {@link SessionStream} in front of {@code res.stream()} (the
 * path every body byte takes, res.send and res.json included). Its first write sets the cookie
 * while headers can still change, and its end waits for the store's save before the response
 * ends, as express-session's wrapped writeHead/end do. Saving "when the handler calls end"
 * alone would be too late for the cookie, which must precede the first byte. Bytes written to
 * {@code res.raw()} directly bypass it. Beyond express-session, destroying a session also
 * clears the client's cookie. Runs on the loop thread.
 */
public final class Session {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final JsonCodec JSON = new JsonCodec();

    private final Options o;
    private final SessionStore store;

    /** express-session's options. A secret is required. */
    public static final class Options {
        private String name = "eventide.sid";
        private List<String> secrets = List.of();
        private SessionStore store;
        private String path = "/";
        private String domain;
        private boolean httpOnly = true;
        private boolean secure;
        private String sameSite;
        private Long maxAge;
        private long storeTtl = 24 * 60 * 60 * 1000L;
        private boolean rolling;
        private boolean resave;
        private boolean saveUninitialized;

        public Options name(String v) { this.name = v; return this; }
        /** The first secret signs; each is tried when verifying, so secrets can be rotated. */
        public Options secret(String... v) { this.secrets = List.of(v); return this; }
        public Options store(SessionStore v) { this.store = v; return this; }
        public Options path(String v) { this.path = v; return this; }
        public Options domain(String v) { this.domain = v; return this; }
        public Options httpOnly(boolean v) { this.httpOnly = v; return this; }
        public Options secure(boolean v) { this.secure = v; return this; }
        /** "Strict", "Lax" or "None"; unset by default, as express-session. */
        public Options sameSite(String v) { this.sameSite = v; return this; }
        /** The cookie's Max-Age in ms (also the store's time to live); unset: a browser-session cookie. */
        public Options maxAge(long ms) { this.maxAge = ms; return this; }
        /** How long the store keeps a session when no maxAge is set (default one day). */
        public Options storeTtl(long ms) { this.storeTtl = ms; return this; }
        /** Set the cookie on every response, pushing its expiry forward. */
        public Options rolling(boolean v) { this.rolling = v; return this; }
        /** Save the session at the end of every request, even unchanged. */
        public Options resave(boolean v) { this.resave = v; return this; }
        /** Store (and give a cookie to) new sessions even when nothing was put in them. */
        public Options saveUninitialized(boolean v) { this.saveUninitialized = v; return this; }
    }

    private Session(Options o) {
        if (o.secrets.isEmpty() || o.secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalArgumentException("session: a non-empty secret is required");
        }
        this.o = o;
        this.store = o.store != null ? o.store : new MemorySessionStore();
    }

    public static Handler create(Options options) {
        return new Session(options)::handle;
    }

    static String newId() {
        return Crypto.randomBytes(24).toString("base64url");
    }

    private void handle(WebRequest req, WebResponse res, Next next) {
        if (req.attr("session") != null) {
            next.call();
            return;
        }
        Context ctx = new Context(req, res, cookieId(req));
        SessionStream stream = new SessionStream(res.stream(), ctx::beforeFirstByte, ctx::beforeEnd);
        res.stream(stream);
        res.raw().once("close", args -> stream.destroy());
        if (ctx.cookieId == null) {
            ctx.start(newId(), new LinkedHashMap<>(), false);
            next.call();
            return;
        }
        store.get(ctx.cookieId).subscribe(data -> {
            if (data == null) {
                ctx.start(newId(), new LinkedHashMap<>(), false);
            } else {
                ctx.start(ctx.cookieId, new LinkedHashMap<>(data), true);
            }
            next.call();
        }, next::call);
    }

    /** The id in the request's session cookie if a secret verifies its signature, else null. */
    private String cookieId(WebRequest req) {
        String header = req.get("cookie");
        if (header == null) {
            return null;
        }
        String value = CookieParser.parse(header).get(o.name);
        return value == null || !value.startsWith("s:") ? null : CookieParser.unsign(value, o.secrets);
    }

    private long ttl() {
        return o.maxAge != null ? o.maxAge : o.storeTtl;
    }

    /** One request's session state: what the client sent, what was loaded, what must happen at the end. */
    final class Context {
        private final WebRequest req;
        private final WebResponse res;
        /** The verified id the client's cookie carried, or null. */
        final String cookieId;
        private SessionData session;
        /** The session's JSON when loaded or started: a different JSON at the end means modified. */
        private byte[] original;
        /** Whether the store holds a record under the session's current id. */
        private boolean stored;
        private boolean cookieDecided;

        Context(WebRequest req, WebResponse res, String cookieId) {
            this.req = req;
            this.res = res;
            this.cookieId = cookieId;
        }

        SessionStore store() {
            return store;
        }

        void start(String id, Map<String, Object> data, boolean fromStore) {
            session = new SessionData(this, id, data);
            original = JSON.write(data);
            stored = fromStore;
            req.attr("session", session);
        }

        /** After regenerate: a new id the store does not know, with nothing in it yet. */
        void startedFresh() {
            original = JSON.write(session.data());
            stored = false;
        }

        void destroyed() {
            session = null;
            req.attr("session", null);
        }

        private boolean modified() {
            return !Arrays.equals(original, JSON.write(session.data()));
        }

        /** express-session's shouldSetCookie, run once, while headers can still change. */
        void beforeFirstByte() {
            if (cookieDecided || res.headersSent()) {
                return;
            }
            cookieDecided = true;
            if (session == null) {
                if (cookieId != null) {
                    res.append("Set-Cookie", serialize("", true));
                }
                return;
            }
            boolean set = !session.id().equals(cookieId)
                    ? o.saveUninitialized || modified()
                    : o.rolling || (o.maxAge != null && modified());
            if (set) {
                String signed = "s:" + CookieSignature.sign(session.id(), o.secrets.get(0));
                res.append("Set-Cookie", serialize(signed, false));
            }
        }

        /** express-session's shouldSave / shouldTouch, then the response may end. */
        void beforeEnd(Runnable end) {
            if (session == null) {
                end.run();
                return;
            }
            boolean save = stored ? o.resave || modified() : o.saveUninitialized || modified();
            dev.eventide.promise.Promise<Void> pending;
            if (save) {
                pending = store.set(session.id(), session.data(), ttl());
            } else if (stored && session.id().equals(cookieId)) {
                pending = store.touch(session.id(), session.data(), ttl());
            } else {
                end.run();
                return;
            }
            // A store failure cannot change a response whose head is out; the response still ends.
            pending.subscribe(v -> end.run(), err -> end.run());
        }
    }

    private String serialize(String value, boolean clear) {
        StringBuilder b = new StringBuilder(o.name).append('=').append(encodeUriComponent(value));
        b.append("; Path=").append(o.path);
        if (clear) {
            b.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        } else if (o.maxAge != null) {
            long seconds = Math.floorDiv(o.maxAge, 1000);
            b.append("; Max-Age=").append(seconds)
                    .append("; Expires=").append(HTTP_DATE.format(Instant.now().plusMillis(o.maxAge)));
        }
        if (o.domain != null) {
            b.append("; Domain=").append(o.domain);
        }
        if (o.httpOnly) {
            b.append("; HttpOnly");
        }
        if (o.secure) {
            b.append("; Secure");
        }
        if (o.sameSite != null) {
            b.append("; SameSite=").append(o.sameSite);
        }
        return b.toString();
    }

    /** JavaScript's encodeURIComponent (the cookie package encodes values with it). */
    static String encodeUriComponent(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
