package dev.eventide.web;

import dev.eventide.buffer.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Entity tags as the etag package makes them for Express's "etag" setting ({@code W/"<length in
 * hex>-<first 27 base64 characters of the SHA-1>"}, so a client's cached tag from an Express
 * service still matches) and the fresh package's conditional-GET check. Any thread (the
 * digest is per thread).
 */
final class ETags {
    private static final String EMPTY = "\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"";
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    });

    private ETags() {
    }

    /** The tag for a body, weak ({@code W/"..."}) or strong. */
    static String of(Bytes body, boolean weak) {
        String tag;
        if (body.length() == 0) {
            tag = EMPTY;
        } else {
            MessageDigest md = SHA1.get();
            md.update(body.array(), body.byteOffset(), body.length());
            String hash = Base64.getEncoder().encodeToString(md.digest()).substring(0, 27);
            tag = "\"" + Integer.toHexString(body.length()) + "-" + hash + "\"";
        }
        return weak ? "W/" + tag : tag;
    }

    /**
     * The fresh package: whether a response with these validators satisfies the request's
     * If-None-Match / If-Modified-Since (Cache-Control: no-cache forces a full answer).
     */
    static boolean fresh(String noneMatch, String modifiedSince, String cacheControl, String etag, String lastModified) {
        if (noneMatch == null && modifiedSince == null) {
            return false;
        }
        if (cacheControl != null && hasNoCache(cacheControl)) {
            return false;
        }
        if (noneMatch != null && !noneMatch.trim().equals("*")) {
            if (etag == null || !anyMatches(noneMatch, etag)) {
                return false;
            }
        }
        if (modifiedSince != null) {
            long last = parseDate(lastModified);
            long since = parseDate(modifiedSince);
            return lastModified != null && last != Long.MIN_VALUE && since != Long.MIN_VALUE && last <= since;
        }
        return true;
    }

    private static boolean anyMatches(String noneMatch, String etag) {
        for (String part : noneMatch.split(",")) {
            String m = part.trim();
            if (m.equals(etag) || ("W/" + etag).equals(m) || ("W/" + m).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNoCache(String cacheControl) {
        for (String part : cacheControl.split(",")) {
            if (part.trim().equalsIgnoreCase("no-cache")) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date in epoch millis, or Long.MIN_VALUE when it does not parse. */
    static long parseDate(String s) {
        if (s == null) {
            return Long.MIN_VALUE;
        }
        try {
            return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
