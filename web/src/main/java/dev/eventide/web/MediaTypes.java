package dev.eventide.web;

import java.util.List;
import java.util.Locale;

/**
 * type-is's matching of a Content-Type against patterns: "type/subtype", "type/*", "*&#47;*",
 * "+json" (any type with that suffix), or an extension such as "json". Parameters are ignored;
 * a value without a slash matches nothing. Stateless; any thread.
 */
final class MediaTypes {
    private MediaTypes() {
    }

    static boolean matches(String contentType, List<String> patterns) {
        int semi = contentType.indexOf(';');
        String media = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int slash = media.indexOf('/');
        if (slash <= 0 || slash == media.length() - 1) {
            return false;
        }
        String type = media.substring(0, slash);
        String subtype = media.substring(slash + 1);
        for (String p : patterns) {
            if (matchOne(normalize(p), type, subtype)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String pattern) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        if (p.equals("urlencoded")) {
            return "application/x-www-form-urlencoded";
        }
        if (p.startsWith("+")) {
            return "*/*" + p;
        }
        return p.indexOf('/') < 0 ? MimeTypes.lookup(p) : p;
    }

    private static boolean matchOne(String pattern, String type, String subtype) {
        int slash = pattern.indexOf('/');
        String ptype = pattern.substring(0, slash);
        String psub = pattern.substring(slash + 1);
        if (!ptype.equals("*") && !ptype.equals(type)) {
            return false;
        }
        if (psub.startsWith("*+")) {
            return subtype.length() > psub.length() - 1 && subtype.endsWith(psub.substring(1));
        }
        return psub.equals("*") || psub.equals(subtype);
    }
}
