package dev.eventide.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A parsed {@code Range} request header, as the {@code range-parser} package reads it with
 * {@code combine: true}: the ranges that fit a body of a given size, overlapping and adjacent
 * ones merged. Pure functions; any thread.
 *
 * <p>As range-parser: a header without '=' is malformed (ignored, the whole body is sent); a
 * range whose start is past the end is dropped, and if none is left the header is
 * unsatisfiable (416); "-N" is the last N bytes; an end past the size is cut to the size.
 * Beyond range-parser, a header listing more than {@link #MAX_RANGES} ranges is treated as
 * malformed, so a hostile header cannot make the server sort thousands of ranges.
 */
final class RangeHeader {
    /** More ranges than this and the header is ignored (the whole body is sent). */
    static final int MAX_RANGES = 100;

    /** One satisfiable range, inclusive at both ends. */
    record Range(long start, long end) {
        long length() {
            return end - start + 1;
        }
    }

    /** The outcome: MALFORMED (ignore the header), UNSATISFIABLE (416), or the ranges. */
    enum Kind { MALFORMED, UNSATISFIABLE, RANGES }

    record Result(Kind kind, List<Range> ranges) {
        boolean single() {
            return kind == Kind.RANGES && ranges.size() == 1;
        }
    }

    private static final Result MALFORMED = new Result(Kind.MALFORMED, List.of());
    private static final Result UNSATISFIABLE = new Result(Kind.UNSATISFIABLE, List.of());

    private RangeHeader() {
    }

    /** Whether a header asks for byte ranges at all (send's {@code /^ *bytes=/}). */
    static boolean isBytes(String header) {
        return header != null && header.stripLeading().startsWith("bytes=");
    }

    static Result parse(long size, String header) {
        int eq = header.indexOf('=');
        if (eq < 0) {
            return MALFORMED;
        }
        String[] specs = header.substring(eq + 1).split(",", MAX_RANGES + 2);
        if (specs.length > MAX_RANGES) {
            return MALFORMED;
        }
        List<Range> ranges = new ArrayList<>(specs.length);
        for (String spec : specs) {
            Range r = one(size, spec);
            if (r != null) {
                ranges.add(r);
            }
        }
        return ranges.isEmpty() ? UNSATISFIABLE : new Result(Kind.RANGES, combine(ranges));
    }

    /** One "a-b", "a-" or "-n", or null when it is invalid or does not fit the size. */
    private static Range one(long size, String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        long start = number(spec.substring(0, dash).trim());
        long end = number(spec.substring(dash + 1).trim());
        if (spec.substring(0, dash).isBlank()) {
            if (end < 0) {
                return null;
            }
            start = size - end;
            end = size - 1;
        } else if (spec.substring(dash + 1).isBlank()) {
            end = size - 1;
        }
        end = Math.min(end, size - 1);
        if (start < 0 || end < 0 || start > end) {
            return null;
        }
        return new Range(start, end);
    }

    /** A non-negative decimal, or -1 if the text is not one (or too long to be a file offset). */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    /** Sorts by start and merges ranges that overlap or touch (range-parser's combineRanges). */
    private static List<Range> combine(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::start));
        List<Range> out = new ArrayList<>(sorted.size());
        Range cur = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Range r = sorted.get(i);
            if (r.start() > cur.end() + 1) {
                out.add(cur);
                cur = r;
            } else if (r.end() > cur.end()) {
                cur = new Range(cur.start(), r.end());
            }
        }
        out.add(cur);
        return out;
    }

    /** The Content-Range value of a 206. */
    static String contentRange(Range r, long size) {
        return "bytes " + r.start() + "-" + r.end() + "/" + size;
    }

    /** The Content-Range value of a 416. */
    static String unsatisfied(long size) {
        return "bytes */" + size;
    }
}
