package dev.eventide.http;

import java.util.Locale;

/**
 * What the user's own header lines said about framing and the connection, gathered while the
 * head is written (the {@code state} of Node's _storeHeader). One per head; loop thread only.
 */
final class HeadState {
    boolean connection;
    boolean connectionClose;
    boolean contentLength;
    boolean transferEncoding;
    boolean chunkedByUser;
    boolean date;
    boolean expect;
    boolean trailer;
    boolean keepAlive;
    boolean host;

    /** Writes one line and notes what it means. */
    void line(Latin1Builder b, String name, String value) {
        b.header(name, value);
        note(name, value);
    }

    private void note(String name, String value) {
        int n = name.length();
        if (n < 4 || n > 17) {
            return;
        }
        switch (OutgoingHeaders.lower(name)) {
            case "connection" -> {
                connection = true;
                if (value.toLowerCase(Locale.ROOT).contains("close")) {
                    connectionClose = true;
                }
            }
            case "content-length" -> contentLength = true;
            case "transfer-encoding" -> {
                transferEncoding = true;
                String v = value.toLowerCase(Locale.ROOT).trim();
                chunkedByUser = v.endsWith("chunked");
            }
            case "date" -> date = true;
            case "expect" -> expect = true;
            case "trailer" -> trailer = true;
            case "keep-alive" -> keepAlive = true;
            case "host" -> host = true;
            default -> { }
        }
    }
}
