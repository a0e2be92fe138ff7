package dev.eventide.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Options of {@link WebResponse#cookie(String, Object, CookieOptions)}, with Express's defaults
 * (path "/", nothing else), and the Set-Cookie serialization of the cookie package 0.7 (the
 * attribute order and validation Express 5 uses). A mutable builder; the thread that uses it.
 */
public final class CookieOptions {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    Long maxAge;
    Instant expires;
    String path = "/";
    String domain;
    boolean secure;
    boolean httpOnly;
    String sameSite;
    boolean partitioned;
    String priority;
    boolean signed;
    UnaryOperator<String> encode = UriCodec::encodeComponent;

    /** Lifetime in milliseconds (Express's unit): sets Max-Age in seconds and Expires. */
    public CookieOptions maxAge(long millis) {
        this.maxAge = millis;
        return this;
    }

    public CookieOptions expires(Instant when) {
        this.expires = when;
        return this;
    }

    /** The cookie's path; null sends none (default "/"). */
    public CookieOptions path(String path) {
        this.path = path;
        return this;
    }

    public CookieOptions domain(String domain) {
        this.domain = domain;
        return this;
    }

    public CookieOptions secure(boolean on) {
        this.secure = on;
        return this;
    }

    public CookieOptions httpOnly(boolean on) {
        this.httpOnly = on;
        return this;
    }

    /** "strict", "lax" or "none" (case-insensitive); null for none sent. */
    public CookieOptions sameSite(String policy) {
        this.sameSite = policy;
        return this;
    }

    public CookieOptions partitioned(boolean on) {
        this.partitioned = on;
        return this;
    }

    /** "low", "medium" or "high". */
    public CookieOptions priority(String priority) {
        this.priority = priority;
        return this;
    }

    /** Signs the value with the secret a cookie parser stored as req.attr("secret"). */
    public CookieOptions signed(boolean on) {
        this.signed = on;
        return this;
    }

    /** How the value is encoded (default encodeURIComponent). */
    public CookieOptions encode(UnaryOperator<String> encode) {
        this.encode = encode;
        return this;
    }

    CookieOptions copy() {
        CookieOptions c = new CookieOptions();
        c.maxAge = maxAge;
        c.expires = expires;
        c.path = path;
        c.domain = domain;
        c.secure = secure;
        c.httpOnly = httpOnly;
        c.sameSite = sameSite;
        c.partitioned = partitioned;
        c.priority = priority;
        c.signed = signed;
        c.encode = encode;
        return c;
    }

    static String httpDate(Instant t) {
        return HTTP_DATE.format(t);
    }

    /** cookie.serialize(name, value, options); maxAge here is already in seconds. */
    String serialize(String name, String value, Long maxAgeSeconds) {
        if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("argument name is invalid: " + name);
        }
        String v = encode.apply(value);
        if (!v.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\')) {
            throw new IllegalArgumentException("argument val is invalid");
        }
        StringBuilder b = new StringBuilder(name).append('=').append(v);
        if (maxAgeSeconds != null) {
            b.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (domain != null && !domain.isEmpty()) {
            b.append("; Domain=").append(checked(domain, "domain"));
        }
        if (path != null && !path.isEmpty()) {
            b.append("; Path=").append(checked(path, "path"));
        }
        if (expires != null) {
            b.append("; Expires=").append(httpDate(expires));
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        if (secure) {
            b.append("; Secure");
        }
        if (partitioned) {
            b.append("; Partitioned");
        }
        if (priority != null) {
            b.append("; Priority=").append(switch (priority.toLowerCase(Locale.ROOT)) {
                case "low" -> "Low";
                case "medium" -> "Medium";
                case "high" -> "High";
                default -> throw new IllegalArgumentException("option priority is invalid");
            });
        }
        if (sameSite != null) {
            b.append("; SameSite=").append(switch (sameSite.toLowerCase(Locale.ROOT)) {
                case "strict", "true" -> "Strict";
                case "lax" -> "Lax";
                case "none" -> "None";
                default -> throw new IllegalArgumentException("option sameSite is invalid");
            });
        }
        return b.toString();
    }

    /** Domain and path may not carry ';' or control characters (they would inject attributes). */
    private static String checked(String v, String what) {
        if (!v.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != ';')) {
            throw new IllegalArgumentException("option " + what + " is invalid");
        }
        return v;
    }
}
