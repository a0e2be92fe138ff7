package dev.eventide.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookie-parser middleware: parses the Cookie header with the cookie package's rules
 * (first occurrence of a name wins, surrounding double quotes dropped, values percent-decoded
 * with decodeURIComponent, a malformed escape leaving the value as sent) into
 * {@code req.cookies()}, and, given secrets, moves values signed as {@code "s:" + value + "." +
 * signature} into {@code req.signedCookies()} once a secret verifies them (tried in order, so a
 * secret can be rotated). A signature that no secret verifies is dropped from both maps (Express
 * shows it as {@code false}). The first secret is stored as {@code req.attr("secret")} for
 * signing outgoing cookies. Values in cookie-parser's JSON form ({@code "j:" + JSON}) stay
 * Strings in the cookie maps and are also given parsed in {@code req.attr("jsonCookies")} and
 * {@code req.attr("signedJsonCookies")}. Runs on the loop thread; linear in the header.
 */
public final class CookieParser {
    /** Set on a request once parsed, so a second cookieParser() leaves it alone (cookie-parser checks req.cookies). */
    private static final String MARK = "cookieParser.done";
    private final List<String> secrets;

    private CookieParser(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Handler create() {
        return create(new String[0]);
    }

    public static Handler create(String... secrets) {
        for (String s : secrets) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("cookie secrets must be non-empty strings");
            }
        }
        return new CookieParser(List.of(secrets))::handle;
    }

    private void handle(WebRequest req, WebResponse res, Next next) {
        if (req.attr(MARK) != null) {
            next.call();
            return;
        }
        req.attr(MARK, Boolean.TRUE);
        if (!secrets.isEmpty()) {
            req.attr("secret", secrets.get(0));
        }
        String header = req.get("cookie");
        Map<String, String> cookies = header == null ? new LinkedHashMap<>() : parse(header);
        Map<String, String> signed = new LinkedHashMap<>();
        if (!secrets.isEmpty()) {
            cookies.entrySet().removeIf(e -> {
                if (!e.getValue().startsWith("s:")) {
                    return false;
                }
                String value = unsign(e.getValue(), secrets);
                if (value != null) {
                    signed.put(e.getKey(), value);
                }
                return true;
            });
        }
        req.cookies(cookies);
        req.signedCookies(signed);
        req.attr("jsonCookies", jsonCookies(req, cookies));
        req.attr("signedJsonCookies", jsonCookies(req, signed));
        next.call();
    }

    /** A signed value ("s:..."): the value if one of the secrets verifies it, else null. */
    static String unsign(String value, List<String> secrets) {
        String signedPart = value.substring(2);
        for (String secret : secrets) {
            String v = CookieSignature.unsign(signedPart, secret);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** cookie-parser's JSONCookies: the "j:" values that parse as JSON, parsed. */
    private static Map<String, Object> jsonCookies(WebRequest req, Map<String, String> cookies) {
        Map<String, Object> out = new LinkedHashMap<>();
        cookies.forEach((k, v) -> {
            if (v.startsWith("j:")) {
                try {
                    byte[] json = v.substring(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.put(k, req.app().json().read(json, 0, json.length));
                } catch (RuntimeException notJson) {
                    // cookie-parser keeps the string when JSON.parse fails
                }
            }
        });
        return out;
    }

    /**
     * The cookie package's parse: "a=1; b=2" to names and values. One pass over the header:
     * each ';'-separated part is scanned once, so thousands of pairs cost linear time.
     */
    static Map<String, String> parse(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = header.length();
        int i = 0;
        while (i < n) {
            int end = i;
            int eq = -1;
            while (end < n && header.charAt(end) != ';') {
                if (eq < 0 && header.charAt(end) == '=') {
                    eq = end;
                }
                end++;
            }
            if (eq >= 0) {
                String key = trimmed(header, i, eq);
                if (!out.containsKey(key)) {
                    out.put(key, value(header, eq + 1, end));
                }
            }
            i = end + 1;
        }
        return out;
    }

    private static String value(String header, int from, int to) {
        String v = trimmed(header, from, to);
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        return PercentDecoder.decode(v);
    }

    /** The slice without the spaces and tabs around it (the cookie package trims only those). */
    private static String trimmed(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
