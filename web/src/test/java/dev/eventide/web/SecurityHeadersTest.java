package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * SecurityHeaders against helmet 8. The expected values below were produced by helmet 8.3.0 on
 * node v20.20.2, with /tmp/b-npm/helmet-headers.js (helmet() on a bare node:http server that
 * first sets X-Powered-By, fetched with fetch()) and /tmp/b-npm/helmet-opts.js (helmet(options)
 * on a stub response, printing what it set, and the message of each error it threw):
 *
 * <pre>
 * const mw = require("helmet")(options);
 * http.createServer((req, res) => { res.setHeader("X-Powered-By", "Express"); mw(req, res, () => res.end("ok")); })
 * </pre>
 */
class SecurityHeadersTest {
    static final String HELMET_CSP = "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
            + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';"
            + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests";

    /** helmet 8.3.0's default response headers, lower-cased as node's fetch printed them. */
    static final Map<String, String> HELMET_DEFAULTS = Map.ofEntries(
            Map.entry("content-security-policy", HELMET_CSP),
            Map.entry("cross-origin-opener-policy", "same-origin"),
            Map.entry("cross-origin-resource-policy", "same-origin"),
            Map.entry("origin-agent-cluster", "?1"),
            Map.entry("referrer-policy", "no-referrer"),
            Map.entry("strict-transport-security", "max-age=31536000; includeSubDomains"),
            Map.entry("x-content-type-options", "nosniff"),
            Map.entry("x-dns-prefetch-control", "off"),
            Map.entry("x-download-options", "noopen"),
            Map.entry("x-frame-options", "SAMEORIGIN"),
            Map.entry("x-permitted-cross-domain-policies", "none"),
            Map.entry("x-xss-protection", "0"));

    /** The headers a GET / gets from an app with X-Powered-By set, then the middleware, then "ok". */
    static Map<String, String> headersWith(Handler middleware) {
        WebApp app = Web.app();
        app.use((req, res, next) -> {
            res.set("X-Powered-By", "Express");
            next.call();
        });
        app.use(middleware);
        app.get("/", (req, res, next) -> res.type("text/plain").send("ok"));
        try (TestServer s = TestServer.start(app)) {
            var r = s.get("/");
            assertThat(r.statusCode()).isEqualTo(200);
            Map<String, String> got = new TreeMap<>();
            r.headers().map().forEach((k, v) -> got.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            for (String transport : List.of("date", "connection", "keep-alive", "content-length", "content-type", "etag")) {
                got.remove(transport);
            }
            return got;
        }
    }

    static Map<String, String> defaultsWith(Consumer<Map<String, String>> change) {
        Map<String, String> m = new TreeMap<>(HELMET_DEFAULTS);
        change.accept(m);
        return m;
    }

    @Test
    void defaultsAreExactlyHelmetsHeadersAndXPoweredByIsRemoved() {
        assertThat(headersWith(SecurityHeaders.create())).isEqualTo(new TreeMap<>(HELMET_DEFAULTS));
    }

    @Test
    void cspDirectivesMergeOverHelmetsDefaultsKeepingPlaceAppendingNewAndDroppingRemoved() {
        // helmet: directives { scriptSrc: ["'self'", "cdn.example.com"], "worker-src": ["'none'"], upgradeInsecureRequests: null }
        var csp = new ContentSecurityPolicy().directive("scriptSrc", "'self'", "cdn.example.com")
                .directive("worker-src", "'none'").remove("upgradeInsecureRequests");
        assertThat(headersWith(SecurityHeaders.create(new SecurityHeaders.Options().contentSecurityPolicy(csp))))
                .isEqualTo(defaultsWith(m -> m.put("content-security-policy", "default-src 'self';base-uri 'self';"
                        + "font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;"
                        + "object-src 'none';script-src 'self' cdn.example.com;script-src-attr 'none';"
                        + "style-src 'self' https: 'unsafe-inline';worker-src 'none'")));
    }

    @Test
    void cspWithoutDefaultsInReportOnlyModeAndWithDefaultSrcDisabled() {
        // helmet: { useDefaults: false, reportOnly: true, directives: { defaultSrc: "'none'", imgSrc: [] } }
        var reportOnly = new ContentSecurityPolicy().useDefaults(false).reportOnly(true)
                .directive("defaultSrc", "'none'").directive("imgSrc");
        assertThat(headersWith(SecurityHeaders.create(new SecurityHeaders.Options().contentSecurityPolicy(reportOnly))))
                .isEqualTo(defaultsWith(m -> {
                    m.remove("content-security-policy");
                    m.put("content-security-policy-report-only", "default-src 'none';img-src");
                }));
        // helmet: { directives: { defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc } }
        var noDefault = new ContentSecurityPolicy().dangerouslyDisableDefaultSrc();
        assertThat(headersWith(SecurityHeaders.create(new SecurityHeaders.Options().contentSecurityPolicy(noDefault)))
                .get("content-security-policy")).isEqualTo(HELMET_CSP.substring("default-src 'self';".length()));
    }

    @Test
    void everyOtherHeaderIsConfigurableAsInHelmet() {
        var o = new SecurityHeaders.Options().strictTransportSecurity(123.9, false, true).xFrameOptions("deny")
                .referrerPolicy("origin", "unsafe-url").crossOriginEmbedderPolicy(true)
                .crossOriginOpenerPolicy("unsafe-none").crossOriginResourcePolicy("cross-origin")
                .xDnsPrefetchControlAllow(true).xPermittedCrossDomainPolicies("all");
        assertThat(headersWith(SecurityHeaders.create(o))).isEqualTo(defaultsWith(m -> {
            m.put("strict-transport-security", "max-age=123; preload");
            m.put("x-frame-options", "DENY");
            m.put("referrer-policy", "origin,unsafe-url");
            m.put("cross-origin-embedder-policy", "require-corp");
            m.put("cross-origin-opener-policy", "unsafe-none");
            m.put("cross-origin-resource-policy", "cross-origin");
            m.put("x-dns-prefetch-control", "on");
            m.put("x-permitted-cross-domain-policies", "all");
        }));
    }

    @Test
    void everyHeaderCanBeTurnedOffAndThenXPoweredByIsLeftAlone() {
        var o = new SecurityHeaders.Options().contentSecurityPolicy(false).crossOriginOpenerPolicy(false)
                .crossOriginResourcePolicy(false).originAgentCluster(false).referrerPolicy(false)
                .strictTransportSecurity(false).xContentTypeOptions(false).xDnsPrefetchControl(false)
                .xDownloadOptions(false).xFrameOptions(false).xPermittedCrossDomainPolicies(false)
                .xPoweredBy(false).xXssProtection(false);
        assertThat(headersWith(SecurityHeaders.create(o))).isEqualTo(Map.of("x-powered-by", "Express"));
    }

    @Test
    void aDynamicSourceIsComputedPerResponseAndAnInjectingOneFailsOnlyThatRequest() {
        int[] n = {0};
        var csp = new ContentSecurityPolicy().directive("scriptSrc",
                List.of("'self'", (ContentSecurityPolicy.DynamicSource) (req, res) ->
                        n[0]++ == 0 ? "'nonce-abc'" : "x; script-src *"));
        WebApp app = Web.app();
        app.use(SecurityHeaders.create(new SecurityHeaders.Options().contentSecurityPolicy(csp)));
        app.get("/", (req, res, next) -> res.send("ok"));
        try (TestServer s = TestServer.start(app)) {
            var first = s.get("/");
            assertThat(first.headers().firstValue("content-security-policy")).contains(
                    HELMET_CSP.replace("script-src 'self';", "script-src 'self' 'nonce-abc';"));
            var second = s.get("/");
            assertThat(second.statusCode()).isEqualTo(500);
            assertThat(second.body()).contains("invalid directive value for &quot;script-src&quot;");
        }
    }

    @Test
    void badOptionsThrowAtCreationWithHelmetsMessages() {
        expectThrow(csp(new ContentSecurityPolicy().directive("scriptSrc", "self")),
                "Content-Security-Policy received an invalid directive value for \"script-src\". \"self\" should be quoted");
        expectThrow(csp(new ContentSecurityPolicy().directive("scriptSrc", "'self'").directive("script-src", "'none'")),
                "Content-Security-Policy received a duplicate directive \"script-src\"");
        expectThrow(csp(new ContentSecurityPolicy().directive("Script-src", "'self'")),
                "Content-Security-Policy received an invalid directive name \"Script-src\"");
        expectThrow(csp(new ContentSecurityPolicy().directive("script-src-", "'self'")),
                "Content-Security-Policy received an invalid directive name \"script-src-\"");
        expectThrow(csp(new ContentSecurityPolicy().remove("defaultSrc")),
                "Content-Security-Policy needs a default-src but it was removed");
        expectThrow(csp(new ContentSecurityPolicy().useDefaults(false).directive("imgSrc", "'self'")),
                "Content-Security-Policy needs a default-src but none was provided");
        expectThrow(csp(new ContentSecurityPolicy().useDefaults(false)),
                "Content-Security-Policy has no directives. Either set some or disable the header");
        expectThrow(csp(new ContentSecurityPolicy().directive("imgSrc", "a.com; script-src *")),
                "Content-Security-Policy received an invalid directive value for \"img-src\"");
        expectThrow(new SecurityHeaders.Options().crossOriginOpenerPolicy("bogus"),
                "Cross-Origin-Opener-Policy does not support the \"bogus\" policy");
        expectThrow(new SecurityHeaders.Options().strictTransportSecurity(-1, true, false),
                "Strict-Transport-Security: -1 is not a valid value for maxAge. Please choose a positive integer.");
        expectThrow(new SecurityHeaders.Options().strictTransportSecurity(Double.NaN, true, false),
                "Strict-Transport-Security: NaN is not a valid value for maxAge");
        expectThrow(new SecurityHeaders.Options().referrerPolicy(new String[0]),
                "Referrer-Policy received no policy tokens");
        expectThrow(new SecurityHeaders.Options().referrerPolicy("origin", "origin"),
                "Referrer-Policy received a duplicate policy token \"origin\"");
        expectThrow(new SecurityHeaders.Options().xFrameOptions("allow-from"),
                "X-Frame-Options received an invalid action \"allow-from\"");
    }

    @Test
    void xFrameOptionsAcceptsHelmetsSpellingsInAnyCase() {
        assertThat(headersWith(SecurityHeaders.create(new SecurityHeaders.Options().xFrameOptions("Same-Origin"))))
                .containsEntry("x-frame-options", "SAMEORIGIN");
    }

    private static SecurityHeaders.Options csp(ContentSecurityPolicy policy) {
        return new SecurityHeaders.Options().contentSecurityPolicy(policy);
    }

    private static void expectThrow(SecurityHeaders.Options o, String messageStart) {
        assertThatThrownBy(() -> SecurityHeaders.create(o)).isInstanceOf(NodeError.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(((NodeError) e).code()).isEqualTo("ERR_INVALID_ARG_VALUE"));
    }
}
