package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a URL path into a path under a static root, refusing anything that could leave it:
 * malformed or overlong percent escapes and NUL bytes (400), ".." segments whether written
 * plainly, percent-encoded or with backslashes (403). Pure functions; any thread.
 *
 * <p>Why decode once and then split on both '/' and '\': "%2e%2e%2f" and "..\" are ".." once
 * decoded, and a Windows-minded client may use '\' as a separator. Empty and "." segments are
 * dropped, so "//etc/passwd" is "etc/passwd" under the root, never an absolute path. The
 * symlink check (the real path must stay under the root's real path) is the caller's, since
 * it needs the file system.
 */
final class StaticPaths {
    private StaticPaths() {
    }

    /** The decoded segments of a URL path (none is empty, "." or ".."). */
    record Parsed(List<String> segments, boolean trailingSlash) {
        Path under(Path root) {
            Path p = root;
            for (String s : segments) {
                p = p.resolve(s);
            }
            return p;
        }

        /** Whether a segment is a dotfile or dot-directory (send's containsDotFile). */
        boolean hasDotfile() {
            return segments.stream().anyMatch(s -> s.length() > 1 && s.charAt(0) == '.');
        }
    }

    /** Parses a URL path (no query); throws HttpError 400 or 403 for a path that must not be served. */
    static Parsed parse(String urlPath) {
        String decoded = decode(urlPath);
        if (decoded.indexOf('\0') >= 0) {
            throw new HttpError(400, ErrorCode.ERR_BAD_PATH, "NUL byte in path");
        }
        List<String> segments = new ArrayList<>();
        for (String s : decoded.split("[/\\\\]")) {
            if (s.equals("..")) {
                throw new HttpError(403, ErrorCode.ERR_PATH_TRAVERSAL);
            }
            if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        boolean trailing = decoded.endsWith("/") || decoded.endsWith("\\");
        return new Parsed(List.copyOf(segments), trailing);
    }

    /**
     * Strict percent-decoding to UTF-8 (JavaScript's decodeURIComponent): a '%' not followed by
     * two hex digits, or bytes that are not well-formed UTF-8 (overlong forms such as %c0%ae,
     * surrogates), are a 400.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                int next = s.indexOf('%', i);
                int stop = next < 0 ? s.length() : next;
                byte[] utf8 = s.substring(i, stop).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = stop - 1;
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
            if (lo < 0) {
                throw malformed();
            }
            bytes.write(hi << 4 | lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static HttpError malformed() {
        return new HttpError(400, ErrorCode.ERR_BAD_PATH, "malformed percent-encoding in path");
    }

    /** A Location for "path + /": leading slashes collapsed (no "//host" open redirect), unsafe characters encoded. */
    static String slashRedirect(String originalPath, String query) {
        String p = originalPath + "/";
        int i = 0;
        while (i + 1 < p.length() && p.charAt(i) == '/' && p.charAt(i + 1) == '/') {
            i++;
        }
        return encodeUrl(p.substring(i) + (query == null ? "" : "?" + query));
    }

    /** The encodeurl package: percent-encodes what may not appear in a URL, keeps existing escapes. */
    static String encodeUrl(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (byte x : url.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean ok = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (ok) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
