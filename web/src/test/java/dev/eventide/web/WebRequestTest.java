package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * req's derived values: ip/ips/hostname/protocol under each form of "trust proxy" (proxy-addr's
 * rules: X-Forwarded-* believed only from trusted hops), negotiation with q-values
 * (negotiator's order), type-is, xhr, subdomains and freshness. Raw sockets send the headers
 * Java's HttpClient refuses (Host).
 */
class WebRequestTest {

    private static String describe(WebRequest req) {
        return req.ip() + " " + req.ips() + " " + req.hostname() + " " + req.protocol() + " " + req.secure();
    }

    private static RawHttp ask(WebApp app, String... headers) {
        app.get("/who", (req, res, next) -> res.send(describe(req)));
        try (TestServer s = TestServer.start(app)) {
            return RawHttp.exchange(s.port(), "GET", "/who", headers);
        }
    }

    private static final String[] FORWARDED = {"Host: internal:8080", "X-Forwarded-For: 203.0.113.9, 10.0.0.2",
        "X-Forwarded-Host: shop.example.com, other", "X-Forwarded-Proto: https"};

    @Test
    void withoutTrustProxyForwardedHeadersAreIgnored() {
        assertThat(ask(WebAppTest.testApp(), FORWARDED).body).isEqualTo("127.0.0.1 [] internal http false");
    }

    @Test
    void trustingEveryHopBelievesTheWholeChain() {
        assertThat(ask(WebAppTest.testApp().set("trust proxy", true), FORWARDED).body)
                .isEqualTo("203.0.113.9 [203.0.113.9, 10.0.0.2] shop.example.com https true");
    }

    @Test
    void aHopCountBelievesOnlyThatManyProxies() {
        assertThat(ask(WebAppTest.testApp().set("trust proxy", 1), FORWARDED).body)
                .isEqualTo("10.0.0.2 [10.0.0.2] shop.example.com https true");
    }

    @Test
    void addressListsAndNamedRangesTrustOnlyMatchingHops() {
        assertThat(ask(WebAppTest.testApp().set("trust proxy", "loopback, 10.0.0.0/8"), FORWARDED).body)
                .isEqualTo("203.0.113.9 [203.0.113.9, 10.0.0.2] shop.example.com https true");
        assertThat(ask(WebAppTest.testApp().set("trust proxy", List.of("127.0.0.1")), FORWARDED).body)
                .isEqualTo("10.0.0.2 [10.0.0.2] shop.example.com https true");
        assertThat(ask(WebAppTest.testApp().set("trust proxy", "192.168.0.0/255.255.0.0"), FORWARDED).body)
                .isEqualTo("127.0.0.1 [] internal http false");
    }

    @Test
    void ipLiteralsAndRangesParseWithoutResolvingNames() {
        TrustProxy t = TrustProxy.compile("uniquelocal, ::1, 2001:db8::/32");
        assertThat(t.trusts("172.20.1.1", 0)).isTrue();
        assertThat(t.trusts("::ffff:192.168.1.1", 0)).isTrue();
        assertThat(t.trusts("2001:db8:1::5", 0)).isTrue();
        assertThat(t.trusts("::1", 0)).isTrue();
        assertThat(t.trusts("8.8.8.8", 0)).isFalse();
        assertThat(t.trusts("localhost", 0)).isFalse();
        assertThat(t.trusts("1.2.3.256", 0)).isFalse();
    }

    @Test
    void negotiationFollowsQValuesThenSpecificityThenOrder() {
        WebApp app = WebAppTest.testApp();
        app.get("/n", (req, res, next) -> res.send(req.accepts("html", "json") + " " + req.accepts("image/png")
                + " " + req.acceptsEncodings("gzip", "br", "identity") + " " + req.acceptsLanguages("en-US", "fr")
                + " " + req.xhr()));
        try (TestServer s = TestServer.start(app)) {
            String got = s.send(s.request("/n").header("Accept", "text/html;q=0.5, application/json")
                    .header("Accept-Encoding", "gzip;q=0.8, br").header("Accept-Language", "fr;q=0.4, en")
                    .header("X-Requested-With", "XMLHttpRequest").build()).body();
            assertThat(got).isEqualTo("json null br en-US true");
            String defaults = RawHttp.exchange(s.port(), "GET", "/n").body;
            assertThat(defaults).isEqualTo("html image/png identity en-US false");
        }
    }

    @Test
    void isMatchesTheContentTypeOfRequestsThatHaveABody() {
        assertThat(Negotiation.typeIs("application/json; charset=utf-8", "json")).isEqualTo("json");
        assertThat(Negotiation.typeIs("application/vnd.api+json", "+json")).isEqualTo("application/vnd.api+json");
        assertThat(Negotiation.typeIs("text/html", "text/*")).isEqualTo("text/html");
        assertThat(Negotiation.typeIs("application/x-www-form-urlencoded", "urlencoded")).isEqualTo("urlencoded");
        assertThat(Negotiation.typeIs("text/html", "json")).isNull();
        assertThat(Negotiation.typeIs("garbage", "json")).isNull();
        WebApp app = WebAppTest.testApp();
        app.post("/is", (req, res, next) -> res.send(req.is("json") + " " + req.hasBody()));
        app.get("/is", (req, res, next) -> res.send(req.is("json") + " " + req.hasBody()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.send(s.request("/is").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).body()).isEqualTo("json true");
            assertThat(s.get("/is").body()).isEqualTo("null false");
        }
    }

    @Test
    void subdomainsAreTheLabelsLeftOfTheOffset() {
        WebApp app = WebAppTest.testApp();
        app.get("/sub", (req, res, next) -> res.send(String.valueOf(req.subdomains())));
        try (TestServer s = TestServer.start(app)) {
            assertThat(RawHttp.exchange(s.port(), "GET", "/sub", "Host: tobi.ferrets.example.com").body).isEqualTo("[ferrets, tobi]");
            assertThat(RawHttp.exchange(s.port(), "GET", "/sub", "Host: 127.0.0.1:80").body).isEqualTo("[]");
        }
    }

    @Test
    void freshnessFollowsTheFreshPackage() {
        String etag = "W/\"5-abc\"";
        assertThat(ETags.fresh(etag, null, null, etag, null)).isTrue();
        assertThat(ETags.fresh("\"5-abc\"", null, null, etag, null)).isTrue();
        assertThat(ETags.fresh("\"other\", " + etag, null, null, etag, null)).isTrue();
        assertThat(ETags.fresh("\"other\"", null, null, etag, null)).isFalse();
        assertThat(ETags.fresh(etag, null, "no-cache", etag, null)).isFalse();
        assertThat(ETags.fresh("*", null, null, etag, null)).isTrue();
        assertThat(ETags.fresh(null, null, null, etag, null)).isFalse();
        String date = "Wed, 21 Oct 2015 07:28:00 GMT";
        assertThat(ETags.fresh(null, date, null, null, date)).isTrue();
        assertThat(ETags.fresh(null, date, null, null, "Thu, 22 Oct 2015 07:28:00 GMT")).isFalse();
        assertThat(ETags.fresh(null, "not a date", null, null, date)).isFalse();
    }
}
