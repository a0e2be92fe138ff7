package dev.eventide.web;

/**
 * Builds one JSON object on a single line, for log records. Strings are escaped so that the
 * line is valid JSON and valid UTF-8 whatever the request held, and harmless on a terminal:
 * control characters (C0, DEL and C1, which include ESC and CSI) are escaped, as are U+2028 and
 * U+2029 (line breaks to JavaScript) and lone surrogates (which have no UTF-8 form). Valid
 * non-ASCII text is kept as it is. Not thread-safe; one per record.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder b = new StringBuilder(256).append('{');
    private boolean first = true;

    private JsonLine key(String key) {
        if (!first) {
            b.append(',');
        }
        first = false;
        string(b, key);
        b.append(':');
        return this;
    }

    JsonLine field(String key, String value) {
        key(key);
        if (value == null) {
            b.append("null");
        } else {
            string(b, value);
        }
        return this;
    }

    JsonLine field(String key, long value) {
        key(key).b.append(value);
        return this;
    }

    /** A number with three decimals (milliseconds to the microsecond). */
    JsonLine millis(String key, double value) {
        key(key).b.append(String.format(java.util.Locale.ROOT, "%.3f", value));
        return this;
    }

    JsonLine field(String key, boolean value) {
        key(key).b.append(value);
        return this;
    }

    String end() {
        return b.append('}').toString();
    }

    /** Appends {@code s} as a JSON string literal with the escapes the class comment lists. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        unicode(b, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(b, c); // a lone half: escaped, since UTF-8 cannot carry it
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static void unicode(StringBuilder b, char c) {
        b.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
    }
}
