package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * res helpers against what express@5.1 sent under node for the same calls (ETag values, 304s,
 * redirect bodies and Location encoding, Set-Cookie strings, Content-Disposition, format/406,
 * Vary, Link, sendStatus). Raw sockets show every header as sent.
 */
class WebResponseTest {

    private static WebApp app() {
        WebApp app = WebAppTest.testApp();
        app.get("/users/:id", (req, res, next) -> res.json(Map.of("id", req.param("id"))));
        app.get("/text", (req, res, next) -> res.send("hello"));
        app.get("/empty", (req, res, next) -> res.send(""));
        app.get("/status", (req, res, next) -> res.sendStatus(201));
        app.get("/redir", (req, res, next) -> res.redirect("/to?a=b c<&>\"\u00e9"));
        app.get("/redir301", (req, res, next) -> res.redirect(301, "http://x.test/a b"));
        app.get("/cookie", (req, res, next) -> {
            res.cookie("a", "b c;d", new CookieOptions().maxAge(3_600_000).httpOnly(true).secure(true).sameSite("strict")
                    .domain("x.test").partitioned(true).priority("high"));
            res.cookie("obj", Map.of("x", 1));
            res.clearCookie("old");
            res.send("ok");
        });
        app.get("/attach", (req, res, next) -> res.attachment("r\u00e9sum\u00e9 \u20ac.pdf").send("x"));
        app.get("/attach2", (req, res, next) -> res.attachment("dir/plain name.txt").send("x"));
        Map<String, Runnable> fmt = new LinkedHashMap<>();
        app.get("/fmt", (req, res, next) -> {
            fmt.put("text/plain", () -> res.send("t"));
            fmt.put("application/json", () -> res.json(Map.of("j", 1)));
            res.format(fmt);
        });
        app.get("/links", (req, res, next) -> {
            res.links(new LinkedHashMap<>(Map.of("next", "http://a/?p=2"))).links(Map.of("last", "http://a/?p=5"));
            res.vary("Accept").vary("Origin").vary("accept");
            res.send("l");
        });
        return app;
    }

    @Test
    void sendAndJsonSetWeakETagsAsExpressAndAnswer304ToAFreshRequest() {
        try (TestServer s = TestServer.start(app())) {
            RawHttp json = RawHttp.exchange(s.port(), "GET", "/users/42");
            assertThat(json.header("etag")).isEqualTo("W/\"b-QQLMeOUMJjS2YPp+HlKc9eJ9WF4\"");
            assertThat(json.header("content-type")).isEqualTo("application/json; charset=utf-8");
            assertThat(json.header("content-length")).isEqualTo("11");
            RawHttp fresh = RawHttp.exchange(s.port(), "GET", "/text", "If-None-Match: W/\"5-qvTGHdzF6KLavt4PO0gs2a6pQ00\"");
            assertThat(fresh.status).isEqualTo(304);
            assertThat(fresh.header("etag")).isEqualTo("W/\"5-qvTGHdzF6KLavt4PO0gs2a6pQ00\"");
            assertThat(fresh.header("content-type")).isNull();
            assertThat(fresh.body).isEmpty();
            RawHttp empty = RawHttp.exchange(s.port(), "GET", "/empty");
            assertThat(empty.header("etag")).isEqualTo("W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"");
            assertThat(empty.header("content-length")).isEqualTo("0");
            RawHttp status = RawHttp.exchange(s.port(), "GET", "/status");
            assertThat(status.status).isEqualTo(201);
            assertThat(status.body).isEqualTo("Created");
            assertThat(status.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(status.header("etag")).isEqualTo("W/\"7-rM9AyJuqT6iOan/xHh+AW+7K/T8\"");
        }
    }

    @Test
    void theEtagSettingTurnsTagsOffOrStrong() {
        WebApp off = app().set("etag", false);
        try (TestServer s = TestServer.start(off)) {
            assertThat(RawHttp.exchange(s.port(), "GET", "/text").header("etag")).isNull();
        }
        WebApp strong = app().set("etag", "strong");
        try (TestServer s = TestServer.start(strong)) {
            assertThat(RawHttp.exchange(s.port(), "GET", "/text").header("etag")).isEqualTo("\"5-qvTGHdzF6KLavt4PO0gs2a6pQ00\"");
        }
    }

    @Test
    void redirectsEncodeTheLocationAndAnswerInTheAcceptedFormat() {
        try (TestServer s = TestServer.start(app())) {
            RawHttp html = RawHttp.exchange(s.port(), "GET", "/redir", "Accept: text/html");
            assertThat(html.status).isEqualTo(302);
            assertThat(html.header("location")).isEqualTo("/to?a=b%20c%3C&%3E%22%C3%A9");
            assertThat(html.header("vary")).isEqualTo("Accept");
            assertThat(html.body).isEqualTo("<!DOCTYPE html><head><title>Found</title></head><body><p>Found. Redirecting to "
                    + "/to?a=b%20c%3C&amp;%3E%22%C3%A9</p></body>");
            RawHttp text = RawHttp.exchange(s.port(), "GET", "/redir", "Accept: text/plain");
            assertThat(text.body).isEqualTo("Found. Redirecting to /to?a=b%20c%3C&%3E%22%C3%A9");
            assertThat(text.header("content-length")).isEqualTo("49");
            RawHttp moved = RawHttp.exchange(s.port(), "GET", "/redir301");
            assertThat(moved.status).isEqualTo(301);
            assertThat(moved.body).isEqualTo("Moved Permanently. Redirecting to http://x.test/a%20b");
            RawHttp head = RawHttp.exchange(s.port(), "HEAD", "/redir");
            assertThat(head.header("content-length")).isEqualTo("49");
            assertThat(head.body).isEmpty();
        }
    }

    @Test
    void cookiesSerializeAsTheCookiePackageWithExpressDefaults() {
        try (TestServer s = TestServer.start(app())) {
            var cookies = RawHttp.exchange(s.port(), "GET", "/cookie").all("set-cookie");
            assertThat(cookies).hasSize(3);
            assertThat(cookies.get(0)).matches("a=b%20c%3Bd; Max-Age=3600; Domain=x\\.test; Path=/; "
                    + "Expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly; Secure; Partitioned; "
                    + "Priority=High; SameSite=Strict");
            assertThat(cookies.get(1)).isEqualTo("obj=j%3A%7B%22x%22%3A1%7D; Path=/");
            assertThat(cookies.get(2)).isEqualTo("old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
    }

    @Test
    void signedCookiesNeedTheSecretACookieParserStored() {
        WebApp app = WebAppTest.testApp();
        app.get("/signed", (req, res, next) -> {
            if (req.query("secret") != null) {
                req.attr("secret", req.query("secret"));
            }
            res.cookie("sid", "abc", new CookieOptions().signed(true)).send("ok");
        });
        try (TestServer s = TestServer.start(app)) {
            RawHttp ok = RawHttp.exchange(s.port(), "GET", "/signed?secret=s3");
            String expected = "sid=" + UriCodec.encodeComponent("s:" + CookieSignature.sign("abc", "s3")) + "; Path=/";
            assertThat(ok.header("set-cookie")).isEqualTo(expected);
            RawHttp none = RawHttp.exchange(s.port(), "GET", "/signed");
            assertThat(none.status).isEqualTo(500);
            assertThat(none.body).contains("required for signed cookies");
        }
    }

    @Test
    void hostileCookieAttributesAreRefused() {
        CookieOptions bad = new CookieOptions().path("/; Domain=evil");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> bad.serialize("a", "b", null)))
                .hasMessageContaining("option path is invalid");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new CookieOptions().serialize("a b", "v", null)))
                .hasMessageContaining("argument name is invalid");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> new CookieOptions().encode(v -> v).serialize("a", "x;y", null))).hasMessageContaining("argument val is invalid");
    }

    @Test
    void attachmentWritesContentDispositionAsTheContentDispositionPackage() {
        try (TestServer s = TestServer.start(app())) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/attach");
            assertThat(r.header("content-disposition"))
                    .isEqualTo("attachment; filename=\"r?sum? ?.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%82%AC.pdf");
            assertThat(r.header("content-type")).isEqualTo("application/pdf; charset=utf-8"); // send(String) adds it, as in Express
            RawHttp plain = RawHttp.exchange(s.port(), "GET", "/attach2");
            assertThat(plain.header("content-disposition")).isEqualTo("attachment; filename=\"plain name.txt\"");
            assertThat(plain.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        }
        assertThat(ResponseHeaders.contentDisposition("a.txt")).isEqualTo("attachment; filename=a.txt");
        assertThat(ResponseHeaders.contentDisposition("50%25.txt")).isEqualTo("attachment; filename=50%25.txt; filename*=UTF-8''50%2525.txt");
        assertThat(ResponseHeaders.contentDisposition("\u00e9\"\\.txt"))
                .isEqualTo("attachment; filename=\"?\\\"\\\\.txt\"; filename*=UTF-8''%C3%A9%22%5C.txt");
        assertThat(ResponseHeaders.contentDisposition(null)).isEqualTo("attachment");
    }

    @Test
    void formatPicksTheAcceptedTypeOrAnswers406() {
        try (TestServer s = TestServer.start(app())) {
            RawHttp json = RawHttp.exchange(s.port(), "GET", "/fmt", "Accept: application/json;q=0.9, text/plain;q=0.5");
            assertThat(json.body).isEqualTo("{\"j\":1}");
            assertThat(json.header("vary")).isEqualTo("Accept");
            assertThat(json.header("etag")).isEqualTo("W/\"7-LYzSxzo5ZCQmXdMl6iqzdj1DYVs\"");
            RawHttp none = RawHttp.exchange(s.port(), "GET", "/fmt", "Accept: image/png");
            assertThat(none.status).isEqualTo(406);
            assertThat(none.header("vary")).isEqualTo("Accept");
        }
    }

    @Test
    void linksAppendAndVaryMergesCaseInsensitively() {
        try (TestServer s = TestServer.start(app())) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/links");
            assertThat(r.header("link")).isEqualTo("<http://a/?p=2>; rel=\"next\", <http://a/?p=5>; rel=\"last\"");
            assertThat(r.header("vary")).isEqualTo("Accept, Origin");
        }
        assertThat(ResponseHeaders.vary("*", "Origin")).isNull();
        assertThat(ResponseHeaders.vary("Accept", "*")).isEqualTo("*");
    }
}
