package dev.eventide.zlib;

import dev.eventide.buffer.Bytes;
import java.util.Map;

/**
 * Reads zlib options out of a JavaScript-like map with Node's checkRangesOrGetDefault rules:
 * absent or NaN is "not given", a non-number is ERR_INVALID_ARG_TYPE, an infinity or a value
 * outside the range (compared before truncation, so 9.5 is refused for level) ERR_OUT_OF_RANGE.
 * Stateless; any thread.
 */
final class OptionReader {
    private OptionReader() {}

    /** {@code range} is {min, max}, {min} alone, or null for a check made later per mode. */
    static Integer integer(Map<String, ?> options, String key, long[] range) {
        if (!options.containsKey(key)) {
            return null;
        }
        String name = "options." + key;
        Object value = options.get(key);
        if (!(value instanceof Number n)) {
            if (value == null && key.equals("windowBits")) {
                return null; // Node: windowBits == null means "default" (0 on a decompressor)
            }
            throw ZlibErrors.invalidType(name, "of type number", value);
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            throw ZlibErrors.outOfRange(name, "a finite number", value);
        }
        if (range != null && (d < range[0] || (range.length > 1 && d > range[1]))) {
            String text = range.length > 1 ? ">= " + range[0] + " and <= " + range[1] : ">= " + range[0];
            throw ZlibErrors.outOfRange(name, text, value);
        }
        return d > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) d;
    }

    /** Bytes or a byte[] (copied); anything else is Node's ERR_INVALID_ARG_TYPE. */
    static Bytes dictionary(Object value) {
        if (value == null || value instanceof Bytes) {
            return (Bytes) value;
        }
        if (value instanceof byte[] array) {
            return Bytes.from(array);
        }
        throw ZlibErrors.invalidType("options.dictionary",
                "an instance of Buffer, TypedArray, DataView, or ArrayBuffer", value);
    }
}
