package dev.eventide.brotli;

import dev.eventide.errors.ErrorCode;
import static dev.eventide.brotli.BrotliConstants.*;

import dev.eventide.errors.Errors;
import java.util.Map;

/**
 * Checked options for one encoder or decoder, as Node's Brotli constructor checks them: ranges
 * with ERR_OUT_OF_RANGE, params keys 0..8 (ERR_BROTLI_INVALID_PARAM) with number or boolean
 * values turned into uint32 as a Uint32Array stores them. Out-of-range parameter values are
 * passed on, and libbrotli clamps them, as in Node. Immutable.
 *
 * @param params uint32 values by key; {@code set[key]} says whether the key was given
 */
record BrotliSettings(boolean compress, int[] params, boolean[] set, int flush, int finishFlush, int chunkSize,
        long maxOutputLength, boolean limitGiven) {

    /** Node 20's kMaxLength on 64-bit machines, the top of maxOutputLength's range. */
    static final long NODE_MAX_LENGTH = 0x1_0000_0000L;
    /** The largest Bytes Java can make. */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;
    static final int DEFAULT_CHUNK = 16 * 1024;
    static final int MIN_CHUNK = 64;

    static BrotliSettings of(boolean compress, BrotliOptions options) {
        BrotliOptions o = options == null ? BrotliOptions.DEFAULTS : options;
        int chunkSize = o.chunkSize() == null ? DEFAULT_CHUNK : o.chunkSize();
        if (chunkSize < MIN_CHUNK) {
            throw Errors.outOfRange("options.chunkSize", ">= " + MIN_CHUNK, chunkSize);
        }
        int flush = operation(o.flush(), "options.flush", BROTLI_OPERATION_PROCESS);
        int finishFlush = operation(o.finishFlush(), "options.finishFlush", BROTLI_OPERATION_FINISH);
        long max = NODE_MAX_LENGTH;
        if (o.maxOutputLength() != null) {
            max = o.maxOutputLength();
            if (max < 1 || max > NODE_MAX_LENGTH) {
                throw Errors.outOfRange("options.maxOutputLength", ">= 1 and <= " + NODE_MAX_LENGTH, max);
            }
        }
        int[] params = new int[MAX_PARAM + 1];
        boolean[] set = new boolean[MAX_PARAM + 1];
        for (Map.Entry<Object, Object> e : o.params().entrySet()) {
            int key = key(e.getKey());
            params[key] = uint32(e.getValue());
            set[key] = true;
        }
        return new BrotliSettings(compress, params, set, flush, finishFlush, chunkSize, max, o.maxOutputLength() != null);
    }

    private static int operation(Integer value, String name, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < BROTLI_OPERATION_PROCESS || value > BROTLI_OPERATION_EMIT_METADATA) {
            throw Errors.outOfRange(name, ">= 0 and <= 3", value);
        }
        return value;
    }

    /** Node: {@code +key}, which must be an integer 0..8. */
    private static int key(Object raw) {
        double k;
        if (raw instanceof Number n) {
            k = n.doubleValue();
        } else {
            try {
                k = Double.parseDouble(String.valueOf(raw).strip());
            } catch (NumberFormatException e) {
                throw ErrorCode.ERR_BROTLI_INVALID_PARAM.make(raw);
            }
        }
        if (k != Math.rint(k) || k < 0 || k > MAX_PARAM) {
            throw ErrorCode.ERR_BROTLI_INVALID_PARAM.make(raw);
        }
        return (int) k;
    }

    /** A Uint32Array store: booleans as 0/1, numbers truncated modulo 2^32, NaN and infinities as 0. */
    private static int uint32(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (!(value instanceof Number n)) {
            throw BrotliErrors.paramNotNumber(value);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return 0;
            }
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            return (int) (long) (t % 4294967296.0);
        }
        return (int) n.longValue();
    }

    /** The limit of a buffer form: maxOutputLength, at most what a Bytes can hold. */
    long bufferLimit() {
        return Math.min(maxOutputLength, MAX_BYTES);
    }

    /** The limit of a stream: only one the user asked for (Node applies none). */
    long streamLimit() {
        return limitGiven ? maxOutputLength : Long.MAX_VALUE;
    }
}
