package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Content-Security-Policy part of {@link SecurityHeaders}, with helmet 8's rules: helmet's
 * default directives unless {@link #useDefaults(boolean) useDefaults(false)}, the caller's
 * directives merged over them (a replaced directive keeps its place, new ones are appended),
 * camelCase names dashed ({@code scriptSrc} is {@code script-src}), keywords such as
 * {@code self} refused unless quoted, and no policy without a default-src unless it was
 * explicitly disabled. Configured on any thread before serving; {@link #compile()} checks it
 * all and throws as helmet does at set-up, so a bad policy never reaches a response.
 */
public final class ContentSecurityPolicy {
    /** A source computed per response (a nonce, say), as helmet's function entries. Loop thread. */
    @FunctionalInterface
    public interface DynamicSource {
        String value(WebRequest req, WebResponse res);
    }

    /** Keywords that CSP only understands quoted; helmet refuses them bare, a common mistake. */
    private static final Set<String> SHOULD_BE_QUOTED = Set.of("none", "self", "strict-dynamic",
            "report-sample", "inline-speculation-rules", "unsafe-inline", "unsafe-eval", "unsafe-hashes",
            "wasm-unsafe-eval");

    private boolean useDefaults = true;
    private boolean reportOnly;
    private boolean disableDefaultSrc;
    /** The caller's directives by raw name in call order; a null value removes the directive. */
    private final List<Map.Entry<String, List<?>>> directives = new ArrayList<>();

    /** helmet's getDefaultDirectives(): a fresh, modifiable, ordered copy. */
    public static Map<String, List<String>> defaultDirectives() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("default-src", List.of("'self'"));
        d.put("base-uri", List.of("'self'"));
        d.put("font-src", List.of("'self'", "https:", "data:"));
        d.put("form-action", List.of("'self'"));
        d.put("frame-ancestors", List.of("'self'"));
        d.put("img-src", List.of("'self'", "data:"));
        d.put("object-src", List.of("'none'"));
        d.put("script-src", List.of("'self'"));
        d.put("script-src-attr", List.of("'none'"));
        d.put("style-src", List.of("'self'", "https:", "'unsafe-inline'"));
        d.put("upgrade-insecure-requests", List.of());
        return d;
    }

    /** Whether helmet's defaults are the base the directives are merged into (default true). */
    public ContentSecurityPolicy useDefaults(boolean on) {
        this.useDefaults = on;
        return this;
    }

    /** Sends Content-Security-Policy-Report-Only instead (default false). */
    public ContentSecurityPolicy reportOnly(boolean on) {
        this.reportOnly = on;
        return this;
    }

    /** Sets a directive; no values gives a bare directive (upgrade-insecure-requests). */
    public ContentSecurityPolicy directive(String name, String... values) {
        return directive(name, List.of(values));
    }

    /** Sets a directive from Strings and {@link DynamicSource}s. */
    public ContentSecurityPolicy directive(String name, List<?> values) {
        if (values == null) {
            throw invalid("Content-Security-Policy received an invalid directive value for " + quote(name));
        }
        directives.add(Map.entry(name, List.copyOf(values)));
        return this;
    }

    /** Drops a directive of the defaults (helmet's {@code name: null}); default-src refuses. */
    public ContentSecurityPolicy remove(String name) {
        directives.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name, null));
        return this;
    }

    /** helmet's dangerouslyDisableDefaultSrc: a policy with no default-src at all. */
    public ContentSecurityPolicy dangerouslyDisableDefaultSrc() {
        this.disableDefaultSrc = true;
        return this;
    }

    String headerName() {
        return reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
    }

    /**
     * Merges and validates the directives. The result maps dashed names to value lists; when
     * no value is dynamic, {@link #staticValue} turns it into the header once for all responses.
     */
    Map<String, List<?>> compile() {
        Map<String, List<?>> result = new LinkedHashMap<>();
        if (useDefaults) {
            result.putAll(defaultDirectives());
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<?>> e : directives) {
            String name = parseName(e.getKey());
            if (!seen.add(name)) {
                throw invalid("Content-Security-Policy received a duplicate directive " + quote(name));
            }
            if (e.getValue() == null) {
                if (name.equals("default-src")) {
                    throw invalid("Content-Security-Policy needs a default-src but it was removed. If you really"
                            + " want to disable it, call dangerouslyDisableDefaultSrc().");
                }
                result.remove(name);
                continue;
            }
            for (Object v : e.getValue()) {
                checkEntry(name, v);
            }
            result.put(name, e.getValue());
        }
        if (disableDefaultSrc) {
            result.remove("default-src");
        }
        if (result.isEmpty()) {
            throw invalid("Content-Security-Policy has no directives. Either set some or disable the header");
        }
        if (!result.containsKey("default-src") && !disableDefaultSrc) {
            throw invalid("Content-Security-Policy needs a default-src but none was provided. If you really"
                    + " want to disable it, call dangerouslyDisableDefaultSrc().");
        }
        return result;
    }

    private static void checkEntry(String name, Object v) {
        if (v instanceof DynamicSource) {
            return;
        }
        if (!(v instanceof String s)) {
            throw invalid("Content-Security-Policy received an invalid directive value for " + quote(name));
        }
        String err = entryError(name, s);
        if (err == null && (s.indexOf(';') >= 0 || s.indexOf(',') >= 0)) {
            err = "Content-Security-Policy received an invalid directive value for " + quote(name);
        }
        if (err != null) {
            throw invalid(err);
        }
    }

    /** helmet's quoting rule: a bare keyword, nonce or hash is almost surely a missing quote. */
    private static String entryError(String name, String entry) {
        if (SHOULD_BE_QUOTED.contains(entry) || entry.startsWith("nonce-") || entry.startsWith("sha256-")
                || entry.startsWith("sha384-") || entry.startsWith("sha512-")) {
            return "Content-Security-Policy received an invalid directive value for " + quote(name) + ". "
                    + quote(entry) + " should be quoted";
        }
        return null;
    }

    /** helmet's name rule ({@code ^[a-z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$}, checked without a regex), then dashed. */
    static String parseName(String raw) {
        boolean ok = raw != null && !raw.isEmpty() && raw.charAt(0) >= 'a' && raw.charAt(0) <= 'z'
                && raw.charAt(raw.length() - 1) != '-';
        StringBuilder b = new StringBuilder(ok ? raw.length() + 4 : 0);
        for (int i = 0; ok && i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append('-').append((char) (c + 32));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                b.append(c);
            } else {
                ok = false;
            }
        }
        if (!ok) {
            throw invalid("Content-Security-Policy received an invalid directive name " + quote(raw));
        }
        return b.toString();
    }

    /** The header for policies without dynamic sources, or null when one must be computed per response. */
    static String staticValue(Map<String, List<?>> compiled) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<?>> e : compiled.entrySet()) {
            for (Object v : e.getValue()) {
                if (!(v instanceof String)) {
                    return null;
                }
            }
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                b.append(' ').append(String.join(" ", e.getValue().stream().map(String.class::cast).toList()));
            }
        }
        return b.toString();
    }

    /**
     * The header for one response when some source is dynamic. A dynamic value that is a bare
     * keyword or holds ';' or ',' (which would inject a directive) fails the request instead.
     */
    static String dynamicValue(Map<String, List<?>> compiled, WebRequest req, WebResponse res) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<?>> e : compiled.entrySet()) {
            StringBuilder value = new StringBuilder();
            for (Object v : e.getValue()) {
                String s = v instanceof DynamicSource d ? d.value(req, res) : (String) v;
                String err = s == null ? "Content-Security-Policy received a null dynamic value for "
                        + quote(e.getKey()) : entryError(e.getKey(), s);
                if (err != null) {
                    throw invalid(err);
                }
                value.append(' ').append(s);
            }
            if (value.indexOf(";") >= 0 || value.indexOf(",") >= 0) {
                throw invalid("Content-Security-Policy received an invalid directive value for " + quote(e.getKey()));
            }
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(e.getKey()).append(value);
        }
        return b.toString();
    }

    static NodeError invalid(String message) {
        return ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(message);
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
