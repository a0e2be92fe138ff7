package dev.eventide.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header lines of one message head (or its trailers) as the parser reported them: the raw
 * bytes of names and values copied into one array, with their bounds. Strings are made only
 * when someone asks (rawHeaders, headers), so a server that never reads a header never pays for
 * one. Loop thread only.
 */
final class HeaderBlock {
    private byte[] bytes;
    private int size;
    /** Per header i: bounds[4i..4i+3] = name start, name end, value start, value end. */
    private int[] bounds;
    private int count;
    /** True while a name is being appended. */
    private boolean inField;
    /** True while a value is being appended. */
    private boolean inValue;
    private List<String> raw;

    HeaderBlock() {
        this(new byte[256], new int[32]);
    }

    private HeaderBlock(byte[] bytes, int[] bounds) {
        this.bytes = bytes;
        this.bounds = bounds;
    }

    /**
     * A copy with arrays just large enough, for a message to keep while this block is cleared
     * and reused for the next head on the connection (a 400-byte block per request otherwise).
     */
    HeaderBlock copy() {
        HeaderBlock c = new HeaderBlock(Arrays.copyOf(bytes, size), Arrays.copyOf(bounds, 4 * count));
        c.size = size;
        c.count = count;
        return c;
    }

    void clear() {
        size = 0;
        count = 0;
        inField = false;
        inValue = false;
        raw = null;
    }

    int count() {
        return count;
    }

    void field(ByteBuffer b, int offset, int length) {
        if (!inField) {
            startHeader();
            inField = true;
        }
        append(b, offset, length);
    }

    /** Marks the end of the current name. */
    void fieldDone() {
        if (!inField) {
            startHeader();
        }
        inField = false;
        bounds[4 * (count - 1) + 1] = size;
        bounds[4 * (count - 1) + 2] = size;
        inValue = true;
    }

    void value(ByteBuffer b, int offset, int length) {
        if (!inValue) {
            return;
        }
        append(b, offset, length);
    }

    void valueDone() {
        if (count > 0 && inValue) {
            bounds[4 * (count - 1) + 3] = size;
            inValue = false;
        }
    }

    private void startHeader() {
        if (4 * (count + 1) > bounds.length) {
            bounds = Arrays.copyOf(bounds, Math.max(32, bounds.length * 2));
        }
        int i = 4 * count++;
        bounds[i] = size;
        bounds[i + 1] = -1;
        bounds[i + 2] = -1;
        bounds[i + 3] = -1;
        inValue = false;
        raw = null;
    }

    private void append(ByteBuffer b, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        b.get(offset, bytes, size, length);
        size += length;
    }

    String name(int i) {
        return new String(bytes, bounds[4 * i], bounds[4 * i + 1] - bounds[4 * i], StandardCharsets.ISO_8859_1);
    }

    String value(int i) {
        int from = bounds[4 * i + 2];
        int to = bounds[4 * i + 3];
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
            to--;
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Whether header i's name equals {@code lower} (a lower-case ASCII name), ignoring case. */
    boolean nameIs(int i, String lower) {
        int from = bounds[4 * i];
        int len = bounds[4 * i + 1] - from;
        if (len != lower.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            int c = bytes[from + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a header named {@code lower} is present. */
    boolean has(String lower) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, lower)) {
                return true;
            }
        }
        return false;
    }

    /** The value of the first header named {@code lower}, or null. */
    String first(String lower) {
        for (int i = 0; i < count; i++) {
            if (nameIs(i, lower)) {
                return value(i);
            }
        }
        return null;
    }

    /** Node's rawHeaders: names and values alternating, as received. */
    List<String> rawHeaders() {
        if (raw == null) {
            List<String> out = new ArrayList<>(count * 2);
            for (int i = 0; i < count; i++) {
                out.add(name(i));
                out.add(value(i));
            }
            raw = List.copyOf(out);
        }
        return raw;
    }

    /**
     * Node's headers object: lower-case names; set-cookie collects an array, cookie joins with
     * "; ", the single-valued fields keep their first value, the rest join with ", ".
     */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            addNodeStyle(out, OutgoingHeaders.lower(name(i)), value(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static void addNodeStyle(Map<String, Object> out, String name, String value) {
        Object old = out.get(name);
        if (old == null) {
            out.put(name, name.equals("set-cookie") ? new ArrayList<>(List.of(value)) : value);
        } else if (name.equals("set-cookie")) {
            ((List<String>) old).add(value);
        } else if (name.equals("cookie")) {
            out.put(name, old + "; " + value);
        } else if (!dropsDuplicates(name)) {
            out.put(name, old + ", " + value);
        }
    }

    /** Node's matchKnownFields: fields whose duplicates are discarded. */
    static boolean dropsDuplicates(String name) {
        return switch (name) {
            case "content-type", "content-length", "user-agent", "referer", "host", "authorization",
                 "proxy-authorization", "if-modified-since", "if-unmodified-since", "from", "location",
                 "max-forwards", "retry-after", "etag", "last-modified", "server", "age", "expires" -> true;
            default -> false;
        };
    }
}
