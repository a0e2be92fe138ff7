package dev.eventide.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path compiled to segments, matched without regular expressions (so request input can
 * never make matching backtrack): literals, {@code :name} parameters and a trailing
 * {@code *name} wildcard. Case-insensitive and tolerant of one trailing slash, as Express's
 * defaults. Immutable; any thread.
 */
final class PathPattern {
    private final String source;
    private final String[] segments;
    private final boolean prefix;

    PathPattern(String source, boolean prefix) {
        this.source = source;
        this.prefix = prefix;
        List<String> parts = new ArrayList<>();
        for (String s : source.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        this.segments = parts.toArray(String[]::new);
    }

    String source() {
        return source;
    }

    /** The outcome of a match: the matched path prefix and the parameters. */
    record Match(String matched, Map<String, String> params) {
    }

    /** Matches a request path ("/a/b"); null when it does not match. */
    Match match(String path) {
        Map<String, String> params = Map.of();
        int pos = 0; // index in path of the '/' before the next segment
        for (String seg : segments) {
            if (pos >= path.length() || path.charAt(pos) != '/') {
                return null;
            }
            int end = path.indexOf('/', pos + 1);
            if (end < 0) {
                end = path.length();
            }
            String actual = path.substring(pos + 1, end);
            if (seg.charAt(0) == '*') {
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(seg.length() > 1 ? seg.substring(1) : "0", decode(path.substring(pos + 1)));
                return new Match(path, params);
            }
            if (actual.isEmpty()) {
                return null;
            }
            if (seg.charAt(0) == ':') {
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(seg.substring(1), decode(actual));
            } else if (!seg.equalsIgnoreCase(actual)) {
                return null;
            }
            pos = end;
        }
        if (prefix) {
            return new Match(path.substring(0, pos), params);
        }
        boolean rest = pos == path.length() || (pos == path.length() - 1 && path.charAt(pos) == '/');
        return rest ? new Match(path, params) : null;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
