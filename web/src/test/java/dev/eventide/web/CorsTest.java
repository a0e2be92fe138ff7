package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cors against the cors npm package. Each expected header set is what cors 2.8.6 set for the
 * same options and request on node v20.20.2 (a stub req/res: {@code cors(opts)({method,
 * headers}, res, next)}, printing the headers set, the status and whether next ran); the one
 * deliberate difference is marked.
 */
class CorsTest {
    static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    /** Status, the access-control and Vary headers, and the body ("next" when the route ran). */
    record Seen(int status, Map<String, String> headers, String body) {
    }

    static Seen request(Cors.Options o, String method, Map<String, String> headers) {
        WebApp app = Web.app();
        app.use((req, res, next) -> {
            if (req.get("x-preset-vary") != null) {
                res.set("Vary", req.get("x-preset-vary"));
            }
            next.call();
        });
        app.use(o == null ? Cors.create() : Cors.create(o));
        app.all("/", (req, res, next) -> res.send("next"));
        try (TestServer s = TestServer.start(app)) {
            HttpRequest.Builder b = s.request("/").method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(b::header);
            HttpResponse<String> r = s.send(b.build());
            Map<String, String> got = new TreeMap<>();
            r.headers().map().forEach((k, v) -> {
                String name = k.toLowerCase(Locale.ROOT);
                if (name.startsWith("access-control-") || name.equals("vary")
                        || (name.equals("content-length") && r.body().isEmpty())) {
                    got.put(name, String.join(", ", v));
                }
            });
            return new Seen(r.statusCode(), got, r.body());
        }
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aSimpleRequestByDefaultAllowsAnyOriginWithoutVary() {
        assertThat(request(null, "GET", Map.of("Origin", "https://a.example")))
                .isEqualTo(new Seen(200, map("access-control-allow-origin", "*"), "next"));
    }

    @Test
    void aPreflightByDefaultAnswers204WithTheMethodsAndReflectedRequestHeaders() {
        var seen = request(null, "OPTIONS", Map.of("Origin", "https://a.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-foo,content-type"));
        assertThat(seen).isEqualTo(new Seen(204, map("access-control-allow-origin", "*",
                "access-control-allow-methods", METHODS, "vary", "Access-Control-Request-Headers",
                "access-control-allow-headers", "x-foo,content-type", "content-length", "0"), ""));
    }

    @Test
    void aFixedOriginIsAlwaysSentWithVaryOrigin() {
        var seen = request(new Cors.Options().origin("https://app.example"), "GET",
                Map.of("Origin", "https://evil.example"));
        assertThat(seen.headers()).isEqualTo(map("access-control-allow-origin", "https://app.example", "vary", "Origin"));
    }

    @Test
    void anAllowListReflectsOnlyListedOriginsAndAlwaysVaries() {
        var o = new Cors.Options().origins("https://a.example", Pattern.compile("\\.trusted\\.example$"));
        assertThat(request(o, "GET", Map.of("Origin", "https://x.trusted.example")).headers())
                .isEqualTo(map("access-control-allow-origin", "https://x.trusted.example", "vary", "Origin"));
        var refused = request(o, "GET", Map.of("Origin", "https://evil.example"));
        assertThat(refused.headers()).isEqualTo(map("vary", "Origin"));
        assertThat(refused.body()).isEqualTo("next"); // CORS is the browser's to enforce; the route still runs
    }

    @Test
    void aPredicateWithCredentialsExposedHeadersMaxAgeAndFixedAllowedHeaders() {
        var o = new Cors.Options().origin(origin -> origin != null && origin.endsWith(".example")).credentials(true)
                .exposedHeaders("X-Total", "X-Page").maxAge(600L).allowedHeaders("Content-Type", "Authorization")
                .methods("GET", "POST");
        var preflight = request(o, "OPTIONS", Map.of("Origin", "https://a.example", "Access-Control-Request-Headers", "x-foo"));
        assertThat(preflight).isEqualTo(new Seen(204, map("access-control-allow-origin", "https://a.example",
                "vary", "Origin", "access-control-allow-credentials", "true", "access-control-allow-methods", "GET,POST",
                "access-control-allow-headers", "Content-Type,Authorization", "access-control-max-age", "600",
                "access-control-expose-headers", "X-Total,X-Page", "content-length", "0"), ""));
        var simple = request(o, "POST", Map.of("Origin", "https://a.example"));
        assertThat(simple.headers()).isEqualTo(map("access-control-allow-origin", "https://a.example", "vary", "Origin",
                "access-control-allow-credentials", "true", "access-control-expose-headers", "X-Total,X-Page"));
    }

    @Test
    void aPredicateThatRefusesLeavesOnlyVaryOrigin() {
        // cors sets nothing here; we add Vary: Origin so a cache cannot hand this answer to an allowed origin.
        var seen = request(new Cors.Options().origin(origin -> false), "GET", Map.of("Origin", "https://a.example"));
        assertThat(seen).isEqualTo(new Seen(200, map("vary", "Origin"), "next"));
    }

    @Test
    void optionsSuccessStatusAndAZeroMaxAge() {
        var seen = request(new Cors.Options().optionsSuccessStatus(200).maxAge(0L), "OPTIONS",
                Map.of("Origin", "https://a.example"));
        assertThat(seen).isEqualTo(new Seen(200, map("access-control-allow-origin", "*", "access-control-allow-methods",
                METHODS, "vary", "Access-Control-Request-Headers", "access-control-max-age", "0", "content-length", "0"), ""));
    }

    @Test
    void preflightContinueHandsThePreflightToTheRoutes() {
        var seen = request(new Cors.Options().preflightContinue(true), "OPTIONS", Map.of("Origin", "https://a.example"));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).isEqualTo("next");
        assertThat(seen.headers()).containsEntry("access-control-allow-methods", METHODS);
    }

    @Test
    void reflectingMergesIntoAnExistingVaryAndSkipsARequestWithoutOrigin() {
        var merged = request(new Cors.Options().origin(true), "GET",
                Map.of("Origin", "https://a.example", "X-Preset-Vary", "Accept-Encoding"));
        assertThat(merged.headers()).isEqualTo(map("access-control-allow-origin", "https://a.example",
                "vary", "Accept-Encoding, Origin"));
        assertThat(request(new Cors.Options().origin(true), "GET", Map.of()).headers()).isEqualTo(map("vary", "Origin"));
        var star = request(new Cors.Options().origin(true), "GET", Map.of("Origin", "https://a.example",
                "X-Preset-Vary", "*"));
        assertThat(star.headers()).containsEntry("vary", "*");
    }

    @Test
    void originFalseTurnsCorsOff() {
        assertThat(request(new Cors.Options().origin(false), "GET", Map.of("Origin", "https://a.example")))
                .isEqualTo(new Seen(200, map(), "next"));
    }
}
