package dev.eventide.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A route path in Express 5's syntax (path-to-regexp v8), compiled once and matched without
 * regular expressions. Immutable after construction (the strict variant is compiled on first
 * use, idempotently); any thread.
 *
 * <p>HOW. The source is parsed as path-to-regexp 8.4 parses it ({@link PathSyntax}): text,
 * {@code :name} parameters, {@code *name} wildcards and {@code {...}} optional groups. Groups are
 * expanded into alternatives, tried in the order the regex alternation would try them (a group
 * present before it absent). Each capture gets the character class path-to-regexp gives it (a
 * parameter never crosses '/', the second parameter in a segment stops at the text before it,
 * and so on), and matching walks the parts left to right, a capture trying its longest run
 * first as a greedy regex does:
 *
 * <pre>
 *   "/users/:id{.:ext}"  ->  alt 1: text "/users/" | param id [^/]+ | text "." | param ext [^/.]+|\.
 *                            alt 2: text "/users/" | param id [^/]+
 * </pre>
 *
 * <p>WHY. Request input must never make matching backtrack without bound (ReDoS). The common
 * shapes (a capture followed by "/" or by the end) are decided in one pass, since the capture's
 * class cannot hold the text after it. Only captures followed by in-segment text can retry, and
 * every attempt counts against a budget linear in the input's length: past it the pattern does
 * not match, which only a pathological pattern with several captures in one segment can reach.
 */
final class PathPattern {
    /** Steps per input character before matching gives up (see the class comment). */
    private static final int STEPS_PER_CHAR = 16;

    private final String source;
    /** True for middleware mounts (use): the path is a prefix ending at '/' or the end. */
    private final boolean prefix;
    /** True for use("/") and "*"-free "/": every path matches with nothing consumed. */
    private final boolean slash;
    private final PathSyntax.Alt[] loose;
    private volatile PathSyntax.Alt[] strict;

    PathPattern(String source, boolean prefix) {
        this.source = source;
        this.prefix = prefix;
        this.slash = prefix && source.equals("/");
        this.loose = PathSyntax.compile(loosen(source));
    }

    String source() {
        return source;
    }

    boolean slash() {
        return slash;
    }

    /** Express's loosen(): without strict routing, trailing slashes of the pattern do not count. */
    private static String loosen(String path) {
        if (path.equals("/")) {
            return path;
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /**
     * The first literal text every alternative starts with, lower-cased, or null: lets a router
     * skip this pattern cheaply.
     */
    String leadingText() {
        return loose.length == 1 && loose[0].parts.length > 0 && loose[0].parts[0].text != null
                ? loose[0].parts[0].text : null;
    }

    /** The outcome of a match: how much of the path matched and the decoded parameters. */
    static final class Match {
        final String input;
        /** Capture bounds, start and end per capture of the matched alternative. */
        final int[] caps;
        PathSyntax.Alt alt;
        int end;
        int budget;

        Match(String input, int captures) {
            this.input = input;
            this.caps = new int[captures * 2];
            this.budget = STEPS_PER_CHAR * input.length() + 1024;
        }

        /** The matched path prefix (all of it for a route). */
        String matched() {
            return input.substring(0, end);
        }

        int length() {
            return end;
        }

        /** Decoded parameters; throws a 400 HttpError on a malformed percent-escape (Express's decode_param). */
        java.util.Map<String, String> params() {
            PathSyntax.Part[] captures = alt.captures;
            if (captures.length == 0) {
                return java.util.Map.of();
            }
            if (captures.length == 1) {
                return java.util.Map.of(captures[0].name, value(0));
            }
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < captures.length; i++) {
                out.put(captures[i].name, value(i));
            }
            return out;
        }

        private String value(int i) {
            String raw = input.substring(caps[2 * i], caps[2 * i + 1]);
            return alt.captures[i].wildcard ? UriCodec.decodeSegments(raw) : UriCodec.decodeParam(raw);
        }
    }

    /** Matches a request path ("/a/b", no query); null when it does not match. */
    Match match(String path, boolean sensitive, boolean strictRouting) {
        PathSyntax.Alt[] alts = strictRouting && !prefix ? strictAlts() : loose;
        boolean trailing = prefix || !strictRouting;
        for (PathSyntax.Alt alt : alts) {
            PathSyntax.Part first = alt.parts.length == 0 ? null : alt.parts[0];
            if (first != null && first.text != null
                    && !path.regionMatches(!sensitive, 0, first.text, 0, first.text.length())) {
                continue;
            }
            Match m = new Match(path, alt.captures.length);
            m.alt = alt;
            if (walk(m, alt, 0, 0, 0, sensitive, trailing)) {
                return m;
            }
        }
        return null;
    }

    private PathSyntax.Alt[] strictAlts() {
        PathSyntax.Alt[] s = strict;
        if (s == null) {
            s = PathSyntax.compile(source);
            strict = s;
        }
        return s;
    }

    /** Matches parts[i..] at pos; cap is the index of the next capture. */
    private boolean walk(Match m, PathSyntax.Alt alt, int i, int pos, int cap, boolean sensitive, boolean trailing) {
        String in = m.input;
        if (--m.budget < 0) {
            return false;
        }
        if (i == alt.parts.length) {
            return finish(m, pos, trailing);
        }
        PathSyntax.Part part = alt.parts[i];
        if (part.text != null) {
            return in.regionMatches(!sensitive, pos, part.text, 0, part.text.length())
                    && walk(m, alt, i + 1, pos + part.text.length(), cap, sensitive, trailing);
        }
        for (PathSyntax.Option option : part.options) {
            if (option.literal != null) {
                if (in.regionMatches(!sensitive, pos, option.literal, 0, option.literal.length())
                        && capture(m, alt, i, pos, pos + option.literal.length(), cap, sensitive, trailing)) {
                    return true;
                }
                continue;
            }
            int run = run(m, option, pos, sensitive);
            for (int end = pos + run; end > pos; end--) {
                if (capture(m, alt, i, pos, end, cap, sensitive, trailing)) {
                    return true;
                }
                if (m.budget < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean capture(Match m, PathSyntax.Alt alt, int i, int start, int end, int cap, boolean sensitive,
            boolean trailing) {
        m.caps[2 * cap] = start;
        m.caps[2 * cap + 1] = end;
        return walk(m, alt, i + 1, end, cap + 1, sensitive, trailing);
    }

    /** How many characters from pos the option's class allows (each one a step of the budget). */
    private static int run(Match m, PathSyntax.Option option, int pos, boolean sensitive) {
        String in = m.input;
        if (option.exclude1.isEmpty()) {
            return in.length() - pos; // [^]: everything
        }
        int i = pos;
        while (i < in.length() && allowed(in, i, option, sensitive)) {
            i++;
        }
        m.budget -= (i - pos) / 4; // scanning is cheap next to a retry, but not free
        return i - pos;
    }

    private static boolean allowed(String in, int i, PathSyntax.Option o, boolean sensitive) {
        return !startsAt(in, i, o.exclude1, sensitive) && (o.exclude2.isEmpty() || !startsAt(in, i, o.exclude2, sensitive));
    }

    private static boolean startsAt(String in, int i, String s, boolean sensitive) {
        char c = s.charAt(0);
        if (s.length() == 1 && (sensitive || !Character.isLetter(c))) {
            return in.charAt(i) == c;
        }
        return in.regionMatches(!sensitive, i, s, 0, s.length());
    }

    /** The regex's tail: {@code (?:/$)?$} for a route, {@code (?:/$)?(?=/|$)} for a mount. */
    private boolean finish(Match m, int pos, boolean trailing) {
        String in = m.input;
        int rest = in.length() - pos;
        if (trailing && rest == 1 && in.charAt(pos) == '/') {
            m.end = in.length();
            return true;
        }
        m.end = pos;
        return rest == 0 || (prefix && in.charAt(pos) == '/');
    }

    /** Every alternative's parts, for tests. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (PathSyntax.Alt alt : loose) {
            out.add(alt.toString());
        }
        return out;
    }
}
