package dev.eventide.http;

import dev.eventide.errors.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of a response or client request before they are sent: keyed by lower-case name,
 * keeping the name as the user spelled it and the value (a String, or a List of Strings sent as
 * several lines). Validates as Node's validateHeaderName/validateHeaderValue. Loop thread only.
 */
final class OutgoingHeaders {
    /** One header as set: the spelling to send and the value. */
    record Entry(String name, Object value) {}

    /** Lower-case name to entry; an empty immutable map until the first header is set. */
    private Map<String, Entry> map = Map.of();

    private Map<String, Entry> mutable() {
        if (map.isEmpty()) {
            map = new LinkedHashMap<>();
        }
        return map;
    }

    void set(String name, Object value) {
        validateName(name);
        validateValue(name, value);
        Object v = value;
        if (value instanceof List<?> list) {
            List<String> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(String.valueOf(o));
            }
            v = copy;
        } else if (!(value instanceof String)) {
            v = String.valueOf(value);
        }
        mutable().put(lower(name), new Entry(name, v));
    }

    /** Adds to a header already set (Node's appendHeader). */
    void append(String name, Object value) {
        Entry old = map.get(lower(name));
        if (old == null) {
            set(name, value);
            return;
        }
        validateName(name);
        validateValue(name, value);
        List<String> values = new ArrayList<>();
        addValues(values, old.value());
        addValues(values, value);
        mutable().put(lower(name), new Entry(old.name(), values));
    }

    private static void addValues(List<String> to, Object v) {
        if (v instanceof List<?> l) {
            l.forEach(o -> to.add(String.valueOf(o)));
        } else {
            to.add(String.valueOf(v));
        }
    }

    Object get(String name) {
        Entry e = map.get(lower(name));
        return e == null ? null : e.value();
    }

    boolean has(String name) {
        return map.containsKey(lower(name));
    }

    void remove(String name) {
        if (!map.isEmpty()) {
            map.remove(lower(name));
        }
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    Iterable<Entry> entries() {
        return map.values();
    }

    List<String> names() {
        return new ArrayList<>(map.keySet());
    }

    List<String> rawNames() {
        List<String> out = new ArrayList<>(map.size());
        map.values().forEach(e -> out.add(e.name()));
        return out;
    }

    /** Node's getHeaders(): lower-case names to values. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, e) -> out.put(k, e.value()));
        return out;
    }

    static String lower(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return name.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return name;
    }

    static void validateName(String name) {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw ErrorCode.ERR_INVALID_HTTP_TOKEN.make("Header name", String.valueOf(name));
        }
    }

    static void validateValue(String name, Object value) {
        if (value == null) {
            throw ErrorCode.ERR_HTTP_INVALID_HEADER_VALUE.make("undefined", name);
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                validateValue(name, o);
            }
        } else if (hasInvalidChar(String.valueOf(value))) {
            throw ErrorCode.ERR_INVALID_CHAR.make("header content", name);
        }
    }

    /** Node's checkIsHttpToken: RFC 7230 tchar only. */
    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Node's checkInvalidHeaderChar: anything but TAB, 0x20-0x7E and 0x80-0xFF. */
    static boolean hasInvalidChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7F || c > 0xFF)) {
                return true;
            }
        }
        return false;
    }
}
