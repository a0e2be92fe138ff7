package dev.eventide.web;

import java.math.BigDecimal;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per family a {@code # HELP} and
 * a {@code # TYPE} line, then its samples {@code name{label="value",...} value}, one family's
 * lines together. Escapes as the format requires: in help text a backslash and a newline, in
 * label values those and the double quote. Numbers print as Go's parser reads them, with
 * {@code +Inf}, {@code -Inf} and {@code NaN}. Not thread-safe; one per scrape.
 */
final class PromWriter {
    private final StringBuilder b = new StringBuilder(8192);

    /** Starts a family: its HELP and TYPE lines (type is counter, gauge, histogram or untyped). */
    PromWriter family(String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ');
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        b.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; {@code labels} alternate names and values. */
    PromWriter sample(String name, double value, String... labels) {
        b.append(name);
        if (labels.length > 0) {
            b.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(labels[i]).append("=\"");
                labelValue(b, labels[i + 1]);
                b.append('"');
            }
            b.append('}');
        }
        b.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A family with a single unlabelled sample. */
    PromWriter gauge(String name, String help, double value) {
        return family(name, "gauge", help).sample(name, value);
    }

    static void labelValue(StringBuilder b, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
    }

    /** Integers without a fraction, plain decimals in a readable range, else Java's E notation. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-6 && a < 1e15) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
