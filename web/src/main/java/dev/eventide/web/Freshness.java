package dev.eventide.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conditional request checks as the {@code send} and {@code fresh} packages make them:
 * If-Match / If-Unmodified-Since (412), If-None-Match / If-Modified-Since (304), If-Range, and
 * the HTTP dates they compare. Pure functions over header values; any thread.
 */
final class Freshness {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Freshness() {
    }

    /** An HTTP date as JavaScript's Date.toUTCString() writes it ("Tue, 01 Jul 2025 10:00:00 GMT"). */
    static String httpDate(long epochMs) {
        return HTTP_DATE.format(Instant.ofEpochMilli(epochMs));
    }

    /** Seconds since the epoch of an HTTP date, or null when absent or unparseable (JavaScript's NaN). */
    static Long parseDate(String s) {
        if (s == null || s.length() > 64) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(s.trim(), Instant::from).getEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the request carries any conditional header (send's isConditionalGET). */
    static boolean conditional(WebRequest req) {
        return req.get("if-match") != null || req.get("if-unmodified-since") != null
                || req.get("if-none-match") != null || req.get("if-modified-since") != null;
    }

    /** send's isPreconditionFailure: If-Match names no current ETag, or the file changed after If-Unmodified-Since. */
    static boolean preconditionFailed(WebRequest req, String etag, String lastModified) {
        String match = req.get("if-match");
        if (match != null) {
            if (etag == null) {
                return true;
            }
            return !match.trim().equals("*") && tokens(match).stream().noneMatch(t -> sameTag(t, etag));
        }
        Long unmodifiedSince = parseDate(req.get("if-unmodified-since"));
        if (unmodifiedSince != null) {
            Long modified = parseDate(lastModified);
            return modified == null || modified > unmodifiedSince;
        }
        return false;
    }

    /** The {@code fresh} package: the client's copy is current, so a 304 will do. */
    static boolean fresh(WebRequest req, String etag, String lastModified) {
        String modifiedSince = req.get("if-modified-since");
        String noneMatch = req.get("if-none-match");
        if (modifiedSince == null && noneMatch == null) {
            return false;
        }
        String cacheControl = req.get("cache-control");
        if (cacheControl != null && tokens(cacheControl).contains("no-cache")) {
            return false;
        }
        if (noneMatch != null && !noneMatch.trim().equals("*")) {
            if (etag == null || tokens(noneMatch).stream().noneMatch(t -> sameTag(t, etag))) {
                return false;
            }
        }
        if (modifiedSince != null) {
            Long modified = parseDate(lastModified);
            Long since = parseDate(modifiedSince);
            return modified != null && since != null && modified <= since;
        }
        return true;
    }

    /** send's isRangeFresh: If-Range names the current ETag or a date no older than Last-Modified. */
    static boolean rangeFresh(WebRequest req, String etag, String lastModified) {
        String ifRange = req.get("if-range");
        if (ifRange == null) {
            return true;
        }
        if (ifRange.indexOf('"') >= 0) {
            return etag != null && ifRange.contains(etag);
        }
        Long modified = parseDate(lastModified);
        Long date = parseDate(ifRange);
        return modified != null && date != null && modified <= date;
    }

    /** Weak comparison, as fresh does: "x" matches W/"x" either way round. */
    private static boolean sameTag(String token, String etag) {
        return token.equals(etag) || ("W/" + token).equals(etag) || token.equals("W/" + etag);
    }

    /** A comma- and space-separated list (fresh's parseTokenList). */
    static List<String> tokens(String header) {
        List<String> out = new ArrayList<>();
        for (String part : header.split("[ ,]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
