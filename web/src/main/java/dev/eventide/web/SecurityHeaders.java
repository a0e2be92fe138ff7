package dev.eventide.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * helmet 8 as a middleware: the same response headers with the same default values, each one
 * configurable or removable through {@link Options}, and the same checks on the options, done
 * once by {@link #create(Options)} (it throws on a bad option as helmet() does). The headers are
 * computed at creation, so a request costs a dozen setHeader calls. Created on any thread; the
 * handler runs on the loop thread.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** helmet() with no options. */
    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options o) {
        List<String[]> fixed = new ArrayList<>(); // name, value pairs, in helmet's order
        Map<String, List<?>> csp = o.csp == null ? null : o.csp.compile();
        String cspName = o.csp == null ? null : o.csp.headerName();
        String cspStatic = csp == null ? null : ContentSecurityPolicy.staticValue(csp);
        if (cspStatic != null) {
            fixed.add(new String[] {cspName, cspStatic});
        }
        if (o.coep != null) {
            fixed.add(pair("Cross-Origin-Embedder-Policy", oneOf("Cross-Origin-Embedder-Policy", o.coep,
                    "require-corp", "credentialless", "unsafe-none")));
        }
        if (o.coop != null) {
            fixed.add(pair("Cross-Origin-Opener-Policy", oneOf("Cross-Origin-Opener-Policy", o.coop,
                    "same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none")));
        }
        if (o.corp != null) {
            fixed.add(pair("Cross-Origin-Resource-Policy", oneOf("Cross-Origin-Resource-Policy", o.corp,
                    "same-origin", "same-site", "cross-origin")));
        }
        if (o.originAgentCluster) {
            fixed.add(pair("Origin-Agent-Cluster", "?1"));
        }
        if (o.referrerPolicy != null) {
            fixed.add(pair("Referrer-Policy", referrerPolicy(o.referrerPolicy)));
        }
        if (o.hsts) {
            fixed.add(pair("Strict-Transport-Security", hsts(o)));
        }
        addFlags(o, fixed);
        return handler(fixed.toArray(String[][]::new), csp, cspStatic == null ? cspName : null, o.xPoweredBy);
    }

    private static void addFlags(Options o, List<String[]> fixed) {
        if (o.xContentTypeOptions) {
            fixed.add(pair("X-Content-Type-Options", "nosniff"));
        }
        if (o.xDnsPrefetchControl) {
            fixed.add(pair("X-DNS-Prefetch-Control", o.dnsPrefetchAllow ? "on" : "off"));
        }
        if (o.xDownloadOptions) {
            fixed.add(pair("X-Download-Options", "noopen"));
        }
        if (o.frameAction != null) {
            fixed.add(pair("X-Frame-Options", frameAction(o.frameAction)));
        }
        if (o.permittedPolicies != null) {
            fixed.add(pair("X-Permitted-Cross-Domain-Policies", oneOf("X-Permitted-Cross-Domain-Policies",
                    o.permittedPolicies, "none", "master-only", "by-content-type", "all")));
        }
        if (o.xXssProtection) {
            fixed.add(pair("X-XSS-Protection", "0"));
        }
    }

    private static Handler handler(String[][] fixed, Map<String, List<?>> csp, String dynamicCspName,
            boolean removePoweredBy) {
        return (req, res, next) -> {
            if (dynamicCspName != null) {
                // A bad dynamic value fails this request (helmet calls next(err)), not the others.
                res.raw().setHeader(dynamicCspName, ContentSecurityPolicy.dynamicValue(csp, req, res));
            }
            for (String[] h : fixed) {
                res.raw().setHeader(h[0], h[1]);
            }
            if (removePoweredBy) {
                res.raw().removeHeader("X-Powered-By");
            }
            next.call();
        };
    }

    private static String[] pair(String name, String value) {
        return new String[] {name, value};
    }

    private static String oneOf(String header, String policy, String... allowed) {
        for (String a : allowed) {
            if (a.equals(policy)) {
                return policy;
            }
        }
        throw ContentSecurityPolicy.invalid(header + " does not support the " + ContentSecurityPolicy.quote(policy)
                + " policy");
    }

    private static String referrerPolicy(List<String> tokens) {
        Set<String> allowed = Set.of("no-referrer", "no-referrer-when-downgrade", "same-origin", "origin",
                "strict-origin", "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url", "");
        if (tokens.isEmpty()) {
            throw ContentSecurityPolicy.invalid("Referrer-Policy received no policy tokens");
        }
        Set<String> seen = new HashSet<>();
        for (String t : tokens) {
            if (!allowed.contains(t)) {
                throw ContentSecurityPolicy.invalid("Referrer-Policy received an unexpected policy token "
                        + ContentSecurityPolicy.quote(t));
            }
            if (!seen.add(t)) {
                throw ContentSecurityPolicy.invalid("Referrer-Policy received a duplicate policy token "
                        + ContentSecurityPolicy.quote(t));
            }
        }
        return String.join(",", tokens);
    }

    private static String hsts(Options o) {
        if (!(o.hstsMaxAge >= 0) || Double.isInfinite(o.hstsMaxAge)) {
            double m = o.hstsMaxAge;
            String shown = m == Math.rint(m) && !Double.isInfinite(m) ? Long.toString((long) m) : Double.toString(m);
            throw ContentSecurityPolicy.invalid("Strict-Transport-Security: " + shown
                    + " is not a valid value for maxAge. Please choose a positive integer.");
        }
        StringBuilder b = new StringBuilder("max-age=").append((long) Math.floor(o.hstsMaxAge));
        if (o.hstsIncludeSubDomains) {
            b.append("; includeSubDomains");
        }
        if (o.hstsPreload) {
            b.append("; preload");
        }
        return b.toString();
    }

    /** helmet accepts any case and "SAME-ORIGIN", and sends DENY or SAMEORIGIN. */
    private static String frameAction(String action) {
        String a = action.toUpperCase(Locale.ROOT);
        return switch (a) {
            case "SAME-ORIGIN", "SAMEORIGIN" -> "SAMEORIGIN";
            case "DENY" -> "DENY";
            default -> throw ContentSecurityPolicy.invalid("X-Frame-Options received an invalid action "
                    + ContentSecurityPolicy.quote(action));
        };
    }

    /**
     * helmet's options with its defaults: every header on except Cross-Origin-Embedder-Policy.
     * {@code name(false)} removes a header, {@code name(value)} configures it; values are checked
     * by {@link SecurityHeaders#create(Options)}.
     */
    public static final class Options {
        ContentSecurityPolicy csp = new ContentSecurityPolicy();
        String coep;
        String coop = "same-origin";
        String corp = "same-origin";
        boolean originAgentCluster = true;
        List<String> referrerPolicy = List.of("no-referrer");
        boolean hsts = true;
        double hstsMaxAge = 365 * 24 * 60 * 60;
        boolean hstsIncludeSubDomains = true;
        boolean hstsPreload;
        boolean xContentTypeOptions = true;
        boolean xDnsPrefetchControl = true;
        boolean dnsPrefetchAllow;
        boolean xDownloadOptions = true;
        String frameAction = "SAMEORIGIN";
        String permittedPolicies = "none";
        boolean xPoweredBy = true;
        boolean xXssProtection = true;

        public Options contentSecurityPolicy(boolean on) {
            csp = on ? new ContentSecurityPolicy() : null;
            return this;
        }

        public Options contentSecurityPolicy(ContentSecurityPolicy policy) {
            csp = policy;
            return this;
        }

        /** Off by default; true sends require-corp. */
        public Options crossOriginEmbedderPolicy(boolean on) {
            coep = on ? "require-corp" : null;
            return this;
        }

        public Options crossOriginEmbedderPolicy(String policy) {
            coep = policy;
            return this;
        }

        public Options crossOriginOpenerPolicy(boolean on) {
            coop = on ? "same-origin" : null;
            return this;
        }

        public Options crossOriginOpenerPolicy(String policy) {
            coop = policy;
            return this;
        }

        public Options crossOriginResourcePolicy(boolean on) {
            corp = on ? "same-origin" : null;
            return this;
        }

        public Options crossOriginResourcePolicy(String policy) {
            corp = policy;
            return this;
        }

        public Options originAgentCluster(boolean on) {
            originAgentCluster = on;
            return this;
        }

        public Options referrerPolicy(boolean on) {
            referrerPolicy = on ? List.of("no-referrer") : null;
            return this;
        }

        /** One or more tokens, sent comma-separated (the last one the browser knows wins). */
        public Options referrerPolicy(String... tokens) {
            referrerPolicy = List.of(tokens);
            return this;
        }

        public Options strictTransportSecurity(boolean on) {
            hsts = on;
            return this;
        }

        /** maxAge in seconds (floored, as helmet; negative, NaN or infinite is refused). */
        public Options strictTransportSecurity(double maxAge, boolean includeSubDomains, boolean preload) {
            hsts = true;
            hstsMaxAge = maxAge;
            hstsIncludeSubDomains = includeSubDomains;
            hstsPreload = preload;
            return this;
        }

        public Options xContentTypeOptions(boolean on) {
            xContentTypeOptions = on;
            return this;
        }

        public Options xDnsPrefetchControl(boolean on) {
            xDnsPrefetchControl = on;
            return this;
        }

        /** helmet's {@code xDnsPrefetchControl: {allow}}: "on" instead of "off". */
        public Options xDnsPrefetchControlAllow(boolean allow) {
            xDnsPrefetchControl = true;
            dnsPrefetchAllow = allow;
            return this;
        }

        public Options xDownloadOptions(boolean on) {
            xDownloadOptions = on;
            return this;
        }

        public Options xFrameOptions(boolean on) {
            frameAction = on ? "SAMEORIGIN" : null;
            return this;
        }

        /** "deny" or "sameorigin" (any case). */
        public Options xFrameOptions(String action) {
            frameAction = action;
            return this;
        }

        public Options xPermittedCrossDomainPolicies(boolean on) {
            permittedPolicies = on ? "none" : null;
            return this;
        }

        public Options xPermittedCrossDomainPolicies(String policy) {
            permittedPolicies = policy;
            return this;
        }

        /** true (the default) removes X-Powered-By; false leaves it alone. */
        public Options xPoweredBy(boolean remove) {
            xPoweredBy = remove;
            return this;
        }

        public Options xXssProtection(boolean on) {
            xXssProtection = on;
            return this;
        }
    }
}
