package dev.eventide.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Node's http.STATUS_CODES, and the status lines of HTTP/1.1 responses made once, so that
 * answering a request never formats "HTTP/1.1 200 OK". Immutable; any thread.
 */
final class HttpStatus {
    private HttpStatus() {}

    /** Code to reason phrase, as node's http.STATUS_CODES. */
    static final Map<Integer, String> CODES = codes();

    /** LINES[code] is "HTTP/1.1 code reason\r\n" in bytes, for every code in CODES. */
    private static final byte[][] LINES = lines();

    static byte[] line(int code, String message) {
        if (message == null && code < LINES.length && LINES[code] != null) {
            return LINES[code];
        }
        String reason = message != null ? message : CODES.getOrDefault(code, "unknown");
        return ("HTTP/1.1 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[][] lines() {
        byte[][] t = new byte[600][];
        for (Map.Entry<Integer, String> e : CODES.entrySet()) {
            t[e.getKey()] = ("HTTP/1.1 " + e.getKey() + " " + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return t;
    }

    private static Map<Integer, String> codes() {
        Map<Integer, String> s = new LinkedHashMap<>();
        s.put(100, "Continue");
        s.put(101, "Switching Protocols");
        s.put(102, "Processing");
        s.put(103, "Early Hints");
        s.put(200, "OK");
        s.put(201, "Created");
        s.put(202, "Accepted");
        s.put(203, "Non-Authoritative Information");
        s.put(204, "No Content");
        s.put(205, "Reset Content");
        s.put(206, "Partial Content");
        s.put(207, "Multi-Status");
        s.put(208, "Already Reported");
        s.put(226, "IM Used");
        s.put(300, "Multiple Choices");
        s.put(301, "Moved Permanently");
        s.put(302, "Found");
        s.put(303, "See Other");
        s.put(304, "Not Modified");
        s.put(305, "Use Proxy");
        s.put(307, "Temporary Redirect");
        s.put(308, "Permanent Redirect");
        s.put(400, "Bad Request");
        s.put(401, "Unauthorized");
        s.put(402, "Payment Required");
        s.put(403, "Forbidden");
        s.put(404, "Not Found");
        s.put(405, "Method Not Allowed");
        s.put(406, "Not Acceptable");
        s.put(407, "Proxy Authentication Required");
        s.put(408, "Request Timeout");
        s.put(409, "Conflict");
        s.put(410, "Gone");
        s.put(411, "Length Required");
        s.put(412, "Precondition Failed");
        s.put(413, "Payload Too Large");
        s.put(414, "URI Too Long");
        s.put(415, "Unsupported Media Type");
        s.put(416, "Range Not Satisfiable");
        s.put(417, "Expectation Failed");
        s.put(418, "I'm a Teapot");
        s.put(421, "Misdirected Request");
        s.put(422, "Unprocessable Entity");
        s.put(423, "Locked");
        s.put(424, "Failed Dependency");
        s.put(425, "Too Early");
        s.put(426, "Upgrade Required");
        s.put(428, "Precondition Required");
        s.put(429, "Too Many Requests");
        s.put(431, "Request Header Fields Too Large");
        s.put(451, "Unavailable For Legal Reasons");
        s.put(500, "Internal Server Error");
        s.put(501, "Not Implemented");
        s.put(502, "Bad Gateway");
        s.put(503, "Service Unavailable");
        s.put(504, "Gateway Timeout");
        s.put(505, "HTTP Version Not Supported");
        s.put(506, "Variant Also Negotiates");
        s.put(507, "Insufficient Storage");
        s.put(508, "Loop Detected");
        s.put(509, "Bandwidth Limit Exceeded");
        s.put(510, "Not Extended");
        s.put(511, "Network Authentication Required");
        return Collections.unmodifiableMap(s);
    }
}
