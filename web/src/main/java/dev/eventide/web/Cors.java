package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import com.google.re2j.Pattern;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code cors} npm package (2.8) as a middleware. Simple requests get
 * Access-Control-Allow-Origin (and -Credentials, -Expose-Headers) and go on; an OPTIONS request
 * is a preflight, answered with the allowed methods and headers and 204 unless
 * preflightContinue. Whenever the answer depends on the request's Origin (an allow list, a
 * predicate, reflection) {@code Vary: Origin} is added so caches keep answers apart. Created on
 * any thread; the handler runs on the loop thread.
 */
public final class Cors {
    private Cors() {
    }

    /** cors(): any origin ("*"), the default methods, request headers reflected. */
    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options o) {
        String methods = String.join(",", o.methods);
        String allowed = o.allowedHeaders == null ? null : String.join(",", o.allowedHeaders);
        String exposed = o.exposedHeaders == null ? null : String.join(",", o.exposedHeaders);
        return (req, res, next) -> {
            if (o.disabled) {
                next.call();
                return;
            }
            String origin = req.get("origin");
            if (o.predicate != null && !o.predicate.test(origin)) {
                // cors calls next() with no header at all here; Vary: Origin is our addition, so a
                // cache never serves this answer to an origin the predicate would accept.
                vary(res, "Origin");
                next.call();
                return;
            }
            setOrigin(o, origin, res);
            if (o.credentials) {
                res.raw().setHeader("Access-Control-Allow-Credentials", "true");
            }
            if (!"OPTIONS".equalsIgnoreCase(req.method())) {
                setIfPresent(res, "Access-Control-Expose-Headers", exposed);
                next.call();
                return;
            }
            preflight(o, methods, allowed, exposed, req, res, next);
        };
    }

    private static void preflight(Options o, String methods, String allowed, String exposed, WebRequest req,
            WebResponse res, Next next) {
        setIfPresent(res, "Access-Control-Allow-Methods", methods);
        if (allowed == null) {
            vary(res, "Access-Control-Request-Headers");
            setIfPresent(res, "Access-Control-Allow-Headers", req.get("access-control-request-headers"));
        } else {
            setIfPresent(res, "Access-Control-Allow-Headers", allowed);
        }
        if (o.maxAge != null) {
            res.raw().setHeader("Access-Control-Max-Age", Long.toString(o.maxAge));
        }
        setIfPresent(res, "Access-Control-Expose-Headers", exposed);
        if (o.preflightContinue) {
            next.call();
            return;
        }
        // Safari waits for a body on a 204 without Content-Length: 0 (cors' comment).
        res.raw().statusCode(o.optionsSuccessStatus);
        res.raw().setHeader("Content-Length", "0");
        res.end();
    }

    private static void setOrigin(Options o, String origin, WebResponse res) {
        if (o.predicate == null && o.allowList == null && !o.reflect) {
            res.raw().setHeader("Access-Control-Allow-Origin", o.fixed);
            if (!o.fixed.equals("*")) {
                vary(res, "Origin");
            }
            return;
        }
        boolean ok = o.reflect || o.predicate != null || allowedByList(o.allowList, origin);
        if (ok) {
            setIfPresent(res, "Access-Control-Allow-Origin", origin);
        }
        vary(res, "Origin");
    }

    private static boolean allowedByList(List<Object> list, String origin) {
        if (origin == null) {
            return false;
        }
        for (Object allowed : list) {
            if (allowed instanceof String s ? s.equals(origin) : ((Pattern) allowed).matcher(origin).find()) {
                return true;
            }
        }
        return false;
    }

    private static void setIfPresent(WebResponse res, String name, String value) {
        if (value != null && !value.isEmpty()) {
            res.raw().setHeader(name, value);
        }
    }

    /** The vary package's rule: add a field unless present (any case); "*" absorbs everything. */
    static void vary(WebResponse res, String field) {
        String current = res.get("Vary");
        if (current == null || current.isBlank()) {
            res.raw().setHeader("Vary", field);
            return;
        }
        List<String> fields = new ArrayList<>();
        for (String f : current.split(",")) {
            String t = f.trim();
            if (t.equals("*")) {
                return;
            }
            fields.add(t.toLowerCase(Locale.ROOT));
        }
        if (!fields.contains(field.toLowerCase(Locale.ROOT))) {
            res.raw().setHeader("Vary", current + ", " + field);
        }
    }

    /** cors' options with its defaults. */
    public static final class Options {
        String fixed = "*";
        List<Object> allowList;
        Predicate<String> predicate;
        boolean reflect;
        boolean disabled;
        List<String> methods = List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");
        List<String> allowedHeaders;
        List<String> exposedHeaders;
        boolean credentials;
        Long maxAge;
        boolean preflightContinue;
        int optionsSuccessStatus = 204;

        private Options originMode(String fixedOrigin, List<Object> list, Predicate<String> p, boolean reflectIt) {
            fixed = fixedOrigin;
            allowList = list;
            predicate = p;
            reflect = reflectIt;
            disabled = false;
            return this;
        }

        /** One allowed origin, always sent ("*" allows any, the default). */
        public Options origin(String origin) {
            return originMode(origin == null || origin.isEmpty() ? "*" : origin, null, null, false);
        }

        /** Allowed origins: exact Strings and RE2J patterns (found anywhere, as a JS RegExp test). */
        public Options origins(List<?> allowed) {
            for (Object a : allowed) {
                if (!(a instanceof String) && !(a instanceof Pattern)) {
                    throw invalid("cors: origins must be Strings or com.google.re2j.Pattern,"
                            + " got " + (a == null ? "null" : a.getClass().getName()));
                }
            }
            return originMode("*", List.copyOf(allowed), null, false);
        }

        public Options origins(Object... allowed) {
            return origins(List.of(allowed));
        }

        /** Reflects the request's Origin when the predicate accepts it (it gets null when there is none). */
        public Options origin(Predicate<String> allow) {
            return originMode("*", null, allow, false);
        }

        /** cors' {@code origin: true} reflects any Origin; {@code false} turns CORS off. */
        public Options origin(boolean reflectAny) {
            originMode("*", null, null, reflectAny);
            disabled = !reflectAny;
            return this;
        }

        public Options methods(String... list) {
            methods = List.of(list);
            return this;
        }

        /** Headers a preflight allows; by default the request's Access-Control-Request-Headers are reflected. */
        public Options allowedHeaders(String... list) {
            allowedHeaders = List.of(list);
            return this;
        }

        public Options exposedHeaders(String... list) {
            exposedHeaders = List.of(list);
            return this;
        }

        public Options credentials(boolean on) {
            credentials = on;
            return this;
        }

        /** Seconds a preflight may be cached (Access-Control-Max-Age); null, the default, sends none. */
        public Options maxAge(Long seconds) {
            maxAge = seconds;
            return this;
        }

        /** Passes preflights on to the next handler instead of answering them. */
        public Options preflightContinue(boolean on) {
            preflightContinue = on;
            return this;
        }

        /** The preflight's status (204; some legacy browsers want 200). */
        public Options optionsSuccessStatus(int status) {
            optionsSuccessStatus = status;
            return this;
        }
    }

    private static NodeError invalid(String message) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(message);
    }
}
