package dev.eventide.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raw HTTP/1.1 exchange over a socket, for what Java's HttpClient will not send (Host,
 * X-Forwarded-*, odd methods, malformed targets) or will not show (duplicate headers, HEAD
 * bodies). Sends "Connection: close" and reads to the end of the stream.
 */
final class RawHttp {
    final int status;
    final List<String[]> headers;
    final String body;

    private RawHttp(int status, List<String[]> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** Sends "METHOD target", the given header lines, and reads the answer. */
    static RawHttp exchange(int port, String method, String target, String... headerLines) {
        StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headerLines) {
            req.append(h).append("\r\n");
            host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
        }
        if (!host) {
            req.append("Host: 127.0.0.1\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toString(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawHttp parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim()});
        }
        String body = text.substring(end + 4);
        return new RawHttp(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** The first value of a header, or null. */
    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equals(name.toLowerCase(Locale.ROOT))) {
                return h[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        return headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT))).map(h -> h[1]).toList();
    }
}
