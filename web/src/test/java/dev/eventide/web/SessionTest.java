package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.EventLoop;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Session against a real server, following express-session's behaviour: cookie only once the
 * session holds something (saveUninitialized false), data back on return, tampered or unknown
 * ids start over, destroy and regenerate; and the memory store's expiry, sweep and bound.
 */
class SessionTest {
    private final MemorySessionStore store = new MemorySessionStore();

    private WebApp app(Session.Options options) {
        WebApp app = Web.app();
        app.use(Session.create(options.store(store)));
        app.get("/set", (req, res, next) -> {
            req.<SessionData>attr("session").put("v", req.query("v"));
            res.send("set");
        });
        app.get("/get", (req, res, next) -> res.send("v=" + req.<SessionData>attr("session").get("v")));
        app.get("/logout", Web.async((req, res, next) ->
                req.<SessionData>attr("session").destroy().then(v -> res.send("bye"))));
        app.get("/login", Web.async((req, res, next) -> {
            SessionData s = req.attr("session");
            return s.regenerate().then(v -> res.send("id=" + s.put("user", "alice").id()));
        }));
        return app;
    }

    private static Session.Options options() {
        return new Session.Options().secret("s3cret");
    }

    private static HttpResponse<String> get(TestServer s, String path, String cookie) {
        var b = s.request(path).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return s.send(b.build());
    }

    /** The name=value part of the response's Set-Cookie, or null. */
    private static String cookie(HttpResponse<String> r) {
        return r.headers().firstValue("set-cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
    }

    @Test
    void aNewSessionGetsASignedHttpOnlyCookieOnlyOnceItHoldsSomething() {
        try (TestServer s = TestServer.start(app(options()))) {
            var untouched = get(s, "/get", null);
            assertThat(untouched.body()).isEqualTo("v=null");
            assertThat(untouched.headers().firstValue("set-cookie")).isEmpty();
            var r = get(s, "/set?v=1", null);
            String header = r.headers().firstValue("set-cookie").orElseThrow();
            assertThat(header).matches("eventide\\.sid=s%3A[A-Za-z0-9_-]{32}\\.[A-Za-z0-9%]+; Path=/; HttpOnly");
        }
    }

    @Test
    void aReturningClientSeesItsDataWithoutANewCookie() {
        try (TestServer s = TestServer.start(app(options()))) {
            String c = cookie(get(s, "/set?v=42", null));
            var back = get(s, "/get", c);
            assertThat(back.body()).isEqualTo("v=42");
            assertThat(back.headers().firstValue("set-cookie")).isEmpty();
        }
    }

    @Test
    void aTamperedOrForeignCookieStartsANewSession() {
        try (TestServer s = TestServer.start(app(options()))) {
            String c = cookie(get(s, "/set?v=secret", null));
            int dot = c.lastIndexOf('.');
            String flipped = c.substring(0, dot - 1) + (c.charAt(dot - 1) == 'A' ? 'B' : 'A') + c.substring(dot);
            assertThat(get(s, "/get", flipped).body()).isEqualTo("v=null");
            String otherSecret = "eventide.sid=" + Session.encodeUriComponent(
                    "s:" + CookieSignature.sign(c.substring(17, dot), "not-the-secret"));
            assertThat(get(s, "/get", otherSecret).body()).isEqualTo("v=null");
            assertThat(get(s, "/get", c).body()).isEqualTo("v=secret");
        }
    }

    @Test
    void destroyForgetsTheSessionAndClearsTheCookie() {
        try (TestServer s = TestServer.start(app(options()))) {
            String c = cookie(get(s, "/set?v=1", null));
            var bye = get(s, "/logout", c);
            assertThat(bye.body()).isEqualTo("bye");
            assertThat(bye.headers().firstValue("set-cookie").orElseThrow())
                    .startsWith("eventide.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            assertThat(get(s, "/get", c).body()).isEqualTo("v=null");
        }
    }

    @Test
    void regenerateChangesTheIdAndTheOldIdIsWorthNothing() {
        try (TestServer s = TestServer.start(app(options()))) {
            String planted = cookie(get(s, "/set?v=planted", null));
            var login = get(s, "/login", planted);
            String fresh = cookie(login);
            assertThat(fresh).isNotNull().isNotEqualTo(planted);
            assertThat(login.body()).isEqualTo("id=" + fresh.substring(17, fresh.lastIndexOf('.')));
            assertThat(get(s, "/get", planted).body()).isEqualTo("v=null");
            assertThat(get(s, "/get", fresh).body()).isEqualTo("v=null"); // regenerate emptied it
        }
    }

    @Test
    void rollingSetsTheCookieOnEveryResponseWithMaxAge() {
        try (TestServer s = TestServer.start(app(options().rolling(true).maxAge(60_000).sameSite("Lax").secure(true)))) {
            String c = cookie(get(s, "/set?v=1", null));
            var again = get(s, "/get", c);
            assertThat(again.headers().firstValue("set-cookie").orElseThrow())
                    .startsWith(c + "; Path=/; Max-Age=60; Expires=").endsWith("; HttpOnly; Secure; SameSite=Lax");
        }
    }

    @Test
    void aSecretIsRequired() {
        assertThatThrownBy(() -> Session.create(new Session.Options())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAre24RandomBytesInBase64url() {
        String a = Session.newId();
        assertThat(a).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(Session.newId());
    }

    @Test
    void theMemoryStoreExpiresSweepsAndStaysBounded() {
        AtomicLong now = new AtomicLong(1_000);
        List<Object> got = new ArrayList<>();
        int code = EventLoop.run(() -> {
            MemorySessionStore m = new MemorySessionStore(2, 1_000, now::get);
            m.set("a", Map.of("k", "v"), 100);
            m.get("a").then(d -> got.add(d));
            now.addAndGet(100);
            m.get("a").then(d -> got.add(String.valueOf(d)));
            m.set("b", Map.of(), 10);
            m.set("c", Map.of(), 100);
            m.set("d", Map.of(), 1_000);
            got.add(m.size());
            now.addAndGet(500);
            m.sweep();
            got.add(m.size());
            // b was evicted (least recently used past 2), c expired and was swept; the sweeping
            // timer is unref'd, so the loop ends although the timer is still active
        });
        assertThat(code).isZero();
        assertThat(got).containsExactly(2, 1, Map.of("k", "v"), "null");
    }
}
