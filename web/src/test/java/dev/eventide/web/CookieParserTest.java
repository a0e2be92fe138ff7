package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CookieParser: the cookie package's parsing rules, cookie-parser's signed and JSON cookies, and
 * a huge or degenerate header parsed in one pass.
 */
class CookieParserTest {

    private static WebApp app(Handler parser) {
        WebApp app = Web.app();
        app.use(parser);
        app.get("/", (req, res, next) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cookies", req.cookies());
            out.put("signed", req.signedCookies());
            out.put("json", req.attr("jsonCookies"));
            out.put("secret", req.attr("secret"));
            res.json(out);
        });
        return app;
    }

    private static String get(TestServer s, String cookie) {
        return s.send(s.request("/").header("Cookie", cookie).GET().build()).body();
    }

    @Test
    void theCookiePackagesRulesFirstWinsQuotesDecodingAndMalformedEscapes() {
        Map<String, String> c = CookieParser.parse(
                "a=1; b=2;a=3; c=\"x y\"; d=%E2%82%AC; e=%E0%A4%A; novalue; \tf = 6 ;g=a=b; =empty");
        assertThat(c).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "x y"),
                Map.entry("d", "\u20ac"), Map.entry("e", "%E0%A4%A"), Map.entry("f", "6"), Map.entry("g", "a=b"),
                Map.entry("", "empty"));
        assertThat(CookieParser.parse("plus=a+b")).containsEntry("plus", "a+b");
    }

    @Test
    void signedCookiesVerifyWithAnySecretAndBadSignaturesAreDropped() {
        String good = Session.encodeUriComponent("s:" + CookieSignature.sign("alice", "old"));
        String bad = Session.encodeUriComponent("s:" + CookieSignature.sign("mallory", "guess"));
        try (TestServer s = TestServer.start(app(CookieParser.create("new", "old")))) {
            String body = get(s, "user=" + good + "; forged=" + bad + "; plain=1");
            assertThat(body).isEqualTo("{\"cookies\":{\"plain\":\"1\"},\"signed\":{\"user\":\"alice\"},"
                    + "\"json\":{},\"secret\":\"new\"}");
        }
    }

    @Test
    void withoutSecretsSignedLookingValuesStayPlainCookies() {
        try (TestServer s = TestServer.start(app(CookieParser.create()))) {
            String body = get(s, "x=s%3Aabc.def");
            assertThat(body).isEqualTo("{\"cookies\":{\"x\":\"s:abc.def\"},\"signed\":{},\"json\":{},\"secret\":null}");
        }
    }

    @Test
    void jsonCookiesAreParsedBesideTheirStringForm() {
        try (TestServer s = TestServer.start(app(CookieParser.create()))) {
            String body = get(s, "prefs=" + Session.encodeUriComponent("j:{\"dark\":true}") + "; broken=j%3A%7B");
            assertThat(body).contains("\"prefs\":\"j:{\\\"dark\\\":true}\"")
                    .contains("\"json\":{\"prefs\":{\"dark\":true}}")
                    .contains("\"broken\":\"j:{\"");
        }
    }

    @Test
    void aHeaderWithAHundredThousandPairsOrOnlySeparatorsIsParsedInOnePass() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            b.append("k").append(i).append("=v; ");
        }
        assertThat(CookieParser.parse(b.toString())).hasSize(100_000);
        // No '=' anywhere and only ';': a scan that restarted per part would be quadratic here.
        assertThat(CookieParser.parse(";".repeat(500_000) + "x")).isEmpty();
        assertThat(CookieParser.parse("a".repeat(200_000) + ";" + "=".repeat(200_000))).hasSize(1);
    }

    @Test
    void aThousandCookiesThroughTheServer() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            b.append("c").append(i).append("=").append(i).append(";");
        }
        try (TestServer s = TestServer.start(app(CookieParser.create()))) {
            assertThat(get(s, b.toString())).contains("\"c0\":\"0\"").contains("\"c999\":\"999\"");
        }
    }
}
