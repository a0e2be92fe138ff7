package dev.eventide.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns query and route parameters, which arrive as Strings (or Lists of Strings for a repeated
 * query key), into the types an object schema asks for, as Ajv's coerceTypes does, so that
 * {@code {"type":"integer"}} can describe {@code ?page=2}. Only the top-level object schema's
 * {@code properties} (or {@code additionalProperties}) are read, and {@code $ref}s are not
 * followed. A value that does not convert stays a String, so the schema reports it. Rules:
 * a "string" type keeps the String; else "integer" ("-12"), "number" ("1.5e3"), "boolean"
 * ("true"/"false"), "null" ("") are tried in that order; "array" wraps a single value and
 * coerces each item by {@code items}. Stateless; any thread.
 */
final class StringCoercion {
    private StringCoercion() {
    }

    static Map<String, Object> coerce(Map<String, ?> values, JsonNode schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode props = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        values.forEach((k, v) -> {
            JsonNode s = props.has(k) ? props.get(k) : additional.isObject() ? additional : null;
            out.put(k, s == null ? v : value(v, s));
        });
        return out;
    }

    private static Object value(Object v, JsonNode schema) {
        List<String> types = types(schema);
        if (types.contains("array")) {
            JsonNode items = schema.path("items");
            List<Object> list = new ArrayList<>();
            for (Object item : v instanceof List<?> l ? l : List.of(v)) {
                list.add(items.isObject() ? value(item, items) : item);
            }
            return list;
        }
        if (!(v instanceof String s) || types.contains("string")) {
            return v;
        }
        for (String t : types) {
            Object converted = convert(s, t);
            if (converted != NO) {
                return converted;
            }
        }
        return s;
    }

    private static final Object NO = new Object();

    private static Object convert(String s, String type) {
        switch (type) {
            case "integer":
                return isInteger(s) ? new BigInteger(s) : NO;
            case "number":
                return isNumber(s) ? new BigDecimal(s) : NO;
            case "boolean":
                return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : NO;
            case "null":
                return s.isEmpty() ? null : NO;
            default:
                return NO;
        }
    }

    private static List<String> types(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isString()) {
            return List.of(t.asString());
        }
        List<String> out = new ArrayList<>();
        if (t.isArray()) {
            t.forEach(x -> out.add(x.asString()));
        }
        return out;
    }

    /** An optional minus and 1 to 300 digits (the length cap keeps BigInteger parsing cheap). */
    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() - start > 300) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** JSON's number grammar, checked by hand (BigDecimal alone also takes "+1" and "1."). */
    private static boolean isNumber(String s) {
        if (s.length() > 300) {
            return false;
        }
        int i = s.startsWith("-") ? 1 : 0;
        int digits = skipDigits(s, i);
        if (digits == i) {
            return false;
        }
        i = digits;
        if (i < s.length() && s.charAt(i) == '.') {
            int frac = skipDigits(s, i + 1);
            if (frac == i + 1) {
                return false;
            }
            i = frac;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1 < s.length() && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') ? i + 2 : i + 1;
            int exp = skipDigits(s, j);
            if (exp == j || exp - j > 4) {
                return false;
            }
            i = exp;
        }
        return i == s.length();
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
