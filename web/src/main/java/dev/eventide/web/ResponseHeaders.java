package dev.eventide.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Header values WebResponse builds as Express's helper packages do: vary's merge, content-type's
 * charset, content-disposition's attachment header (RFC 6266, with an RFC 8187 filename* for
 * non-ASCII names). Stateless; any thread.
 */
final class ResponseHeaders {
    private static final String TOKEN_CHARS = "!#$%&'*+.^_`|~-";

    private ResponseHeaders() {
    }

    /** The vary package's append: the new Vary value, or null when nothing changes. */
    static String vary(String header, String field) {
        List<String> fields = parseList(field);
        for (String f : fields) {
            if (!isToken(f)) {
                throw new IllegalArgumentException("field argument contains an invalid header name");
            }
        }
        String val = header == null ? "" : header;
        if (val.equals("*")) {
            return null;
        }
        List<String> vals = parseList(val.toLowerCase(Locale.ROOT));
        if (fields.contains("*") || vals.contains("*")) {
            return "*";
        }
        String start = val;
        for (String f : fields) {
            String lower = f.toLowerCase(Locale.ROOT);
            if (!vals.contains(lower)) {
                vals.add(lower);
                val = val.isEmpty() ? f : val + ", " + f;
            }
        }
        return val.equals(start) ? null : val;
    }

    private static List<String> parseList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_CHARS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Express's setCharset(type, "utf-8"): the type with charset=utf-8 replacing any charset. */
    static String setCharset(String type) {
        if (type.endsWith("charset=utf-8")) {
            return type;
        }
        String[] parts = type.split(";");
        StringBuilder b = new StringBuilder(parts[0].trim()).append("; charset=utf-8");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (!p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                b.append("; ").append(p);
            }
        }
        return b.toString();
    }

    /** The last path segment of a file name ('/' or '\\' separated), as path.basename. */
    static String basename(String path) {
        int end = path.length();
        while (end > 1 && (path.charAt(end - 1) == '/')) {
            end--;
        }
        String p = path.substring(0, end);
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** content-disposition's create(name): "attachment", then filename and, when needed, filename*. */
    static String contentDisposition(String name) {
        if (name == null) {
            return "attachment";
        }
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        boolean escapes = hasHexEscape(name);
        if (ascii && !escapes) {
            return "attachment; filename=" + value(name);
        }
        String fallback = name.replaceAll("[^\\x20-\\x7e]", "?");
        return "attachment; filename=" + value(fallback) + "; filename*=" + extended(name);
    }

    private static boolean hasHexEscape(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (s.charAt(i) == '%' && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String value(String v) {
        return isToken(v) ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** RFC 8187: UTF-8'' and percent-encoding beyond encodeURIComponent's (quotes, parentheses, '*'...). */
    private static String extended(String v) {
        StringBuilder b = new StringBuilder("UTF-8''");
        for (byte x : v.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~".indexOf(c) >= 0;
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
