package dev.eventide.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Options of the body parsers ({@link BodyParsers}), with body-parser 2.x's names and defaults:
 * limit 100 KiB, inflate on, strict JSON, urlencoded not extended, 1,000 parameters, qs depth 32
 * and arrayLimit 20. A parser reads only the options that apply to it. Configured at start-up,
 * then read on the loop thread.
 */
public final class BodyOptions {
    long limit = 100 * 1024;
    boolean inflate = true;
    boolean strict = true;
    boolean extended;
    int parameterLimit = 1000;
    int depth = 32;
    int arrayLimit = 20;
    /** The charset when the Content-Type names none (text and urlencoded; JSON is always UTF-8 then). */
    String defaultCharset = "utf-8";
    /** Media type patterns (type-is's forms), or null for the parser's default. */
    List<String> types;
    /** Decides whether to parse instead of the type patterns, when set. */
    Predicate<WebRequest> typeTest;

    public static BodyOptions defaults() {
        return new BodyOptions();
    }

    /** The most bytes a body may have after decompression; 413 past it. */
    public BodyOptions limit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + bytes);
        }
        this.limit = bytes;
        return this;
    }

    /** A limit in the bytes package's form: "100kb", "1.5mb", "512" (units of 1024). */
    public BodyOptions limit(String size) {
        return limit(parseSize(size));
    }

    /** Whether gzip and deflate bodies are inflated (else they are refused with 415). */
    public BodyOptions inflate(boolean on) {
        this.inflate = on;
        return this;
    }

    /** JSON: accept only objects and arrays at the top level (body-parser's strict). */
    public BodyOptions strict(boolean on) {
        this.strict = on;
        return this;
    }

    /** urlencoded: qs-style nested keys ({@code a[b]=1}) instead of querystring's flat keys. */
    public BodyOptions extended(boolean on) {
        this.extended = on;
        return this;
    }

    public BodyOptions parameterLimit(int n) {
        this.parameterLimit = positive(n, "parameterLimit");
        return this;
    }

    /** urlencoded extended: the most bracket levels in a key; deeper keys are a 400. */
    public BodyOptions depth(int n) {
        this.depth = positive(n, "depth");
        return this;
    }

    /** urlencoded extended: the highest index {@code a[i]} that makes an array (above it, an object key). */
    public BodyOptions arrayLimit(int n) {
        this.arrayLimit = Math.max(0, n);
        return this;
    }

    public BodyOptions defaultCharset(String charset) {
        this.defaultCharset = charset.toLowerCase(Locale.ROOT);
        return this;
    }

    /** Media types to parse: "application/json", "text/*", "+json", "*&#47;*", or an extension ("json"). */
    public BodyOptions type(String... patterns) {
        this.types = List.of(patterns);
        this.typeTest = null;
        return this;
    }

    /** Parses the requests for which the test is true, whatever their type. */
    public BodyOptions type(Predicate<WebRequest> test) {
        this.typeTest = test;
        this.types = null;
        return this;
    }

    private static int positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + n);
        }
        return n;
    }

    /** The bytes package's parse: a number with an optional b/kb/mb/gb/tb/pb unit, 1024-based. */
    static long parseSize(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        String unit = s.substring(end);
        double n;
        try {
            n = Double.parseDouble(s.substring(0, end).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        long scale = switch (unit) {
            case "", "b" -> 1L;
            case "kb" -> 1L << 10;
            case "mb" -> 1L << 20;
            case "gb" -> 1L << 30;
            case "tb" -> 1L << 40;
            case "pb" -> 1L << 50;
            default -> throw new IllegalArgumentException("unknown size unit: " + size);
        };
        if (n < 0 || Double.isNaN(n)) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        return (long) Math.floor(n * scale);
    }
}
