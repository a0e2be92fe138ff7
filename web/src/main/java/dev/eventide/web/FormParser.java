package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * application/x-www-form-urlencoded bodies as body-parser 2.x reads them. Flat (extended off):
 * Node's querystring, a repeated key becomes a List. Extended: qs's bracket syntax, with qs's
 * limits as body-parser sets them (depth 32, strictDepth: deeper keys are a 400; arrayLimit 20:
 * a higher index {@code a[99]} is an object key, not a 100-slot array) and qs's skipping of
 * {@code __proto__} keys. Runs on the loop thread; the work is linear in the body, except that
 * merging is bounded by the depth limit.
 *
 * <p>HOW (extended): each pair's key is split into a chain, {@code a[b][]} -> [a, [b], []], the
 * chain is turned into a one-path object from the leaf up, and that object is merged into the
 * result with qs's merge rules. Arrays are built sparse ({@link Sparse}, index -> value) and
 * compacted to Lists at the end, as qs compacts its arrays.
 */
final class FormParser {
    private FormParser() {
    }

    /** An array while parsing: indexes to values, holes allowed; {@code length} is the last index + 1. */
    @SuppressWarnings("serial")
    private static final class Sparse extends TreeMap<Integer, Object> {
        void push(Object v) {
            put(isEmpty() ? 0 : lastKey() + 1, v);
        }
    }

    static Map<String, Object> parse(String body, Charset cs, BodyOptions o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        int pairs = 1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '&' && ++pairs > o.parameterLimit) {
                throw new HttpError(413, ErrorCode.ERR_TOO_MANY_PARAMETERS);
            }
        }
        int start = 0;
        while (start <= body.length()) {
            int amp = body.indexOf('&', start);
            int end = amp < 0 ? body.length() : amp;
            if (end > start) {
                pair(out, body.substring(start, end), cs, o);
            }
            start = end + 1;
        }
        if (o.extended) {
            out.replaceAll((k, v) -> compact(v));
        }
        return out;
    }

    private static void pair(Map<String, Object> out, String part, Charset cs, BodyOptions o) {
        // qs splits at "]=" first, so a '=' inside brackets stays part of the key.
        int bracketEq = o.extended ? part.indexOf("]=") : -1;
        int eq = bracketEq >= 0 ? bracketEq + 1 : part.indexOf('=');
        String key = decode(eq < 0 ? part : part.substring(0, eq), cs);
        String value = eq < 0 ? "" : decode(part.substring(eq + 1), cs);
        if (!o.extended) {
            addFlat(out, key, value);
        } else if (!key.isEmpty()) {
            Object one = build(chain(key, o.depth), value, o.arrayLimit);
            merge(out, one);
        }
    }

    @SuppressWarnings("unchecked")
    private static void addFlat(Map<String, Object> out, String key, String value) {
        Object prev = out.get(key);
        if (prev == null) {
            out.put(key, value);
        } else if (prev instanceof List<?> l) {
            ((List<Object>) l).add(value);
        } else {
            List<Object> l = new ArrayList<>(2);
            l.add(prev);
            l.add(value);
            out.put(key, l);
        }
    }

    private static String decode(String s, Charset cs) {
        return PercentDecoder.decode(s.replace('+', ' '), cs);
    }

    /** qs's parseKeys: the parent, then up to depth bracket groups ("[b]"); more is an error. */
    static List<String> chain(String key, int depth) {
        List<String> keys = new ArrayList<>();
        int[] group = nextGroup(key, 0);
        String parent = group == null ? key : key.substring(0, group[0]);
        if (!parent.isEmpty()) {
            keys.add(parent);
        }
        int n = 0;
        while (group != null && n < depth) {
            keys.add(key.substring(group[0], group[1] + 1));
            n++;
            group = nextGroup(key, group[1] + 1);
        }
        if (group != null) {
            throw new HttpError(400, ErrorCode.ERR_BODY_PARSE, "the input exceeded the depth (" + depth + ")");
        }
        return keys;
    }

    /** The next "[...]" with no bracket inside, from index from: {start, end}, or null. Linear overall. */
    private static int[] nextGroup(String key, int from) {
        int open = key.indexOf('[', from);
        while (open >= 0) {
            int k = open + 1;
            while (k < key.length() && key.charAt(k) != '[' && key.charAt(k) != ']') {
                k++;
            }
            if (k == key.length()) {
                return null;
            }
            if (key.charAt(k) == ']') {
                return new int[] {open, k};
            }
            open = k;
        }
        return null;
    }

    /** qs's parseObject: the chain as a one-path object, built from the leaf up. */
    private static Object build(List<String> chain, Object leaf, int arrayLimit) {
        Object value = leaf;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String root = chain.get(i);
            if (root.equals("[]")) {
                Sparse a = new Sparse();
                if (value instanceof Sparse inner) {
                    inner.values().forEach(a::push); // [].concat(leaf) flattens
                } else {
                    a.push(value);
                }
                value = a;
                continue;
            }
            boolean bracketed = root.length() >= 2 && root.charAt(0) == '[' && root.endsWith("]");
            String clean = bracketed ? root.substring(1, root.length() - 1) : root;
            int index = bracketed ? arrayIndex(clean) : -1;
            if (index >= 0 && index <= arrayLimit) {
                Sparse a = new Sparse();
                a.put(index, value);
                value = a;
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                if (!clean.equals("__proto__")) { // qs skips it; harmless in Java, dropped alike
                    m.put(clean, value);
                }
                value = m;
            }
        }
        return value;
    }

    /** The index a canonical non-negative integer string names ("0", "12"; not "01"), else -1. */
    private static int arrayIndex(String s) {
        if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    /** qs's utils.merge: returns the merged value (target itself when it is a container). */
    @SuppressWarnings("unchecked")
    private static Object merge(Object target, Object source) {
        if (!isContainer(source)) {
            if (target instanceof Sparse a) {
                a.push(source);
                return a;
            }
            if (target instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put(String.valueOf(source), Boolean.TRUE);
                return m;
            }
            Sparse pair = new Sparse();
            pair.push(target);
            pair.push(source);
            return pair;
        }
        if (!isContainer(target)) {
            Sparse a = new Sparse();
            a.push(target);
            if (source instanceof Sparse s) {
                s.values().forEach(a::push);
            } else {
                a.push(source);
            }
            return a;
        }
        if (target instanceof Sparse t && source instanceof Sparse s) {
            s.forEach((i, item) -> mergeIndex(t, i, item));
            return t;
        }
        Map<String, Object> into = target instanceof Sparse t ? toMap(t) : (Map<String, Object>) target;
        Map<String, Object> from = source instanceof Sparse s ? toMap(s) : (Map<String, Object>) source;
        from.forEach((k, v) -> into.merge(k, v, FormParser::merge));
        return into;
    }

    private static void mergeIndex(Sparse target, int i, Object item) {
        Object existing = target.get(i);
        if (existing == null) {
            target.put(i, item);
        } else if (isContainer(existing) && isContainer(item)) {
            target.put(i, merge(existing, item));
        } else {
            target.push(item);
        }
    }

    private static boolean isContainer(Object v) {
        return v instanceof Map || v instanceof Sparse;
    }

    private static Map<String, Object> toMap(Sparse a) {
        Map<String, Object> m = new LinkedHashMap<>();
        a.forEach((i, v) -> m.put(Integer.toString(i), v));
        return m;
    }

    /** Sparse arrays become Lists without their holes (qs's compact), all the way down. */
    @SuppressWarnings("unchecked")
    private static Object compact(Object v) {
        if (v instanceof Sparse a) {
            List<Object> l = new ArrayList<>(a.size());
            a.values().forEach(x -> l.add(compact(x)));
            return l;
        }
        if (v instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).replaceAll((k, x) -> compact(x));
        }
        return v;
    }
}
