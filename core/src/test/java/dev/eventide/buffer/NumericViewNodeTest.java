package dev.eventide.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every number reader and writer against Node at every interesting offset and value, results
 * and errors alike (code and message). Skipped without node.
 */
class NumericViewNodeTest {
    private static final String BYTES = "80ff017f00fe7ffff08001";

    private static final String[] FIXED_READS = {"readUInt8", "readInt8", "readUInt16LE", "readUInt16BE", "readInt16LE",
        "readInt16BE", "readUInt32LE", "readUInt32BE", "readInt32LE", "readInt32BE", "readBigInt64LE", "readBigInt64BE",
        "readBigUInt64LE", "readBigUInt64BE", "readFloatLE", "readFloatBE", "readDoubleLE", "readDoubleBE"};
    private static final String[] VARIABLE_READS = {"readUIntLE", "readUIntBE", "readIntLE", "readIntBE"};
    private static final int[] OFFSETS = {-1, 0, 1, 3, 4, 7, 8, 10, 11};

    @Test
    void readsMatchNodeAtEveryOffset() throws Exception {
        StringBuilder js = new StringBuilder(PRELUDE).append("const b = Buffer.from('" + BYTES + "', 'hex');\n");
        List<String> actual = new ArrayList<>();
        Bytes b = Bytes.wrap(java.util.HexFormat.of().parseHex(BYTES));
        for (String m : FIXED_READS) {
            for (int o : OFFSETS) {
                js.append("run(() => b.").append(m).append('(').append(o).append("));\n");
                actual.add(run(() -> invoke(b, m, new Class<?>[] {int.class}, o), m.contains("BigUInt")));
            }
        }
        for (String m : VARIABLE_READS) {
            for (int o : OFFSETS) {
                for (int len = 0; len <= 7; len++) {
                    int l = len;
                    js.append("run(() => b.").append(m).append('(').append(o).append(',').append(len).append("));\n");
                    actual.add(run(() -> invoke(b, m, new Class<?>[] {int.class, int.class}, o, l), false));
                }
            }
        }
        assertThat(actual).containsExactlyElementsOf(NodeOracle.run(js.toString()));
    }

    @Test
    void writesMatchNodeForBoundaryValuesAndOffsets() throws Exception {
        StringBuilder js = new StringBuilder(PRELUDE);
        List<String> actual = new ArrayList<>();
        write(js, actual, int.class, new String[] {"0", "255", "256", "-1", "128"}, "writeUInt8");
        write(js, actual, int.class, new String[] {"-128", "127", "128", "-129"}, "writeInt8");
        write(js, actual, int.class, new String[] {"0", "65535", "65536", "-1"}, "writeUInt16LE", "writeUInt16BE");
        write(js, actual, int.class, new String[] {"-32768", "32767", "32768", "-32769"}, "writeInt16LE", "writeInt16BE");
        write(js, actual, long.class, new String[] {"0", "4294967295", "4294967296", "-1", "8589934592"},
                "writeUInt32LE", "writeUInt32BE");
        write(js, actual, int.class, new String[] {"-2147483648", "2147483647", "-1"}, "writeInt32LE", "writeInt32BE");
        write(js, actual, long.class, new String[] {"-9223372036854775808", "9223372036854775807", "-1", "1234567890123"},
                "writeBigInt64LE", "writeBigInt64BE", "writeBigUInt64LE", "writeBigUInt64BE");
        write(js, actual, double.class, new String[] {"1.5", "-0", "1e40", "0.1", "NaN", "-Infinity", "3.4028235677973366e38"},
                "writeFloatLE", "writeFloatBE", "writeDoubleLE", "writeDoubleBE");
        for (int len = 0; len <= 7; len++) {
            String[] values = {"0", "255", "256", "-1", "-129", "8388608", "1099511627775", "140737488355328",
                "281474976710655", "281474976710656", "-140737488355328", "-140737488355329"};
            writeVariable(js, actual, values, len, "writeUIntLE", "writeUIntBE", "writeIntLE", "writeIntBE");
        }
        assertThat(actual).containsExactlyElementsOf(NodeOracle.run(js.toString()));
    }

    private static final String PRELUDE = """
            const fmt = (r) => typeof r === 'number' ? (Object.is(r, -0) ? '-0' : String(r)) : String(r);
            const run = (f) => { try { console.log(fmt(f())); } catch (e) { console.log('ERR ' + e.code + ' ' + e.message); } };
            const big = (m, v) => m.includes('BigUInt') ? BigInt.asUintN(64, BigInt(v)) : m.includes('Big') ? BigInt(v) : Number(v);
            const w = (m, v, o, l) => { const b = Buffer.alloc(8); const n = l === undefined ? b[m](big(m, v), o) : b[m](Number(v), o, l); return n + ' ' + b.toString('hex'); };
            """;

    private static void write(StringBuilder js, List<String> actual, Class<?> type, String[] values, String... methods) {
        for (String m : methods) {
            for (String v : values) {
                for (int o : new int[] {-1, 0, 1, 4, 6, 7, 8}) {
                    js.append("run(() => w('").append(m).append("', '").append(v).append("', ").append(o).append("));\n");
                    Object value = type == int.class ? (Object) Integer.parseInt(v)
                            : type == long.class ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
                    actual.add(run(() -> {
                        Bytes b = Bytes.alloc(8);
                        Object n = invoke(b, m, new Class<?>[] {type, int.class}, value, o);
                        return n + " " + b.toString("hex");
                    }, false));
                }
            }
        }
    }

    private static void writeVariable(StringBuilder js, List<String> actual, String[] values, int len, String... methods) {
        for (String m : methods) {
            for (String v : values) {
                for (int o : new int[] {-1, 0, 2, 3, 8}) {
                    js.append("run(() => w('").append(m).append("', '").append(v).append("', ").append(o).append(", ").append(len).append("));\n");
                    actual.add(run(() -> {
                        Bytes b = Bytes.alloc(8);
                        Object n = invoke(b, m, new Class<?>[] {long.class, int.class, int.class}, Long.parseLong(v), o, len);
                        return n + " " + b.toString("hex");
                    }, false));
                }
            }
        }
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static String run(Call call, boolean unsigned) {
        try {
            Object r = call.call();
            if (unsigned) {
                return Long.toUnsignedString((Long) r);
            }
            if (r instanceof Float f) {
                return jsNumber(f.doubleValue());
            }
            return r instanceof Double d ? jsNumber(d) : String.valueOf(r);
        } catch (NodeError e) {
            return "ERR " + e.code() + " " + e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Prints a double as JS's Number.prototype.toString does for the values used here. */
    private static String jsNumber(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e21) {
            return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
        }
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            String[] parts = s.split("E");
            String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            int exp = Integer.parseInt(parts[1]);
            if (exp >= -6 && exp < 21) {
                return new java.math.BigDecimal(s).toPlainString();
            }
            return mantissa + "e" + (exp > 0 ? "+" : "") + exp;
        }
        return s;
    }

    private static Object invoke(Bytes b, String name, Class<?>[] types, Object... args) throws Exception {
        Method m = Bytes.class.getMethod(name, types);
        try {
            return m.invoke(b, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
