package dev.eventide.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The "Date: ...\r\n" header line in IMF-fixdate form, formatted at most once per second per
 * loop (Node's utcDate cache). One instance per loop thread, through a ThreadLocal; not shared.
 */
final class HttpDate {
    private static final DateTimeFormatter IMF = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ThreadLocal<HttpDate> CACHE = ThreadLocal.withInitial(HttpDate::new);

    /** The second the cached line is for; the line is remade when the clock passes it. */
    private long second = Long.MIN_VALUE;
    private byte[] line;
    private String value;

    private HttpDate() {}

    /** "Date: Tue, 15 Nov 1994 08:12:31 GMT\r\n" for now, as bytes. */
    static byte[] line() {
        return CACHE.get().current().line;
    }

    /** This thread's cache, for an owner that keeps it (a connection) instead of looking it up per head. */
    static HttpDate forThread() {
        return CACHE.get();
    }

    /** As line(), from a cache the caller holds; on the thread the cache belongs to. */
    byte[] lineNow() {
        return current().line;
    }

    /** The value alone, for clients that set the header themselves. */
    static String value() {
        return CACHE.get().current().value;
    }

    private HttpDate current() {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            value = IMF.format(Instant.ofEpochSecond(now));
            line = ("Date: " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        return this;
    }
}
