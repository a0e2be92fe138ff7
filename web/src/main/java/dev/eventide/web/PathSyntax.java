package dev.eventide.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a route path as path-to-regexp 8.4 does and compiles it into alternatives of parts
 * for {@link PathPattern}. Also accepts Express 4's {@code /:name?} (as {@code {/:name}}) and a
 * bare {@code *} (as {@code {/*0}}), the two Express 4 forms most code still uses. Immutable
 * results; any thread.
 */
final class PathSyntax {
    private static final String DELIMITER = "/";
    /** path-to-regexp refuses more alternatives than this ("Too many path combinations"). */
    private static final int MAX_ALTERNATIVES = 256;

    private PathSyntax() {
    }

    /** One token of the parsed path: text, a parameter, a wildcard or an optional group. */
    private record Token(char kind, String value, List<Token> group) {
    }

    /** A capture option: a run of characters not starting exclude1/exclude2, or a literal. */
    static final class Option {
        final String exclude1;
        final String exclude2;
        final String literal;

        Option(String exclude1, String exclude2, String literal) {
            this.exclude1 = exclude1;
            this.exclude2 = exclude2;
            this.literal = literal;
        }
    }

    /** A part of an alternative: text (text != null) or a capture with its options in order. */
    static final class Part {
        final String text;
        final String name;
        final boolean wildcard;
        final Option[] options;

        Part(String text, String name, boolean wildcard, Option[] options) {
            this.text = text;
            this.name = name;
            this.wildcard = wildcard;
            this.options = options;
        }

        @Override
        public String toString() {
            return text != null ? "'" + text + "'" : (wildcard ? "*" : ":") + name;
        }
    }

    /** One expansion of the optional groups. */
    static final class Alt {
        final Part[] parts;
        final Part[] captures;

        Alt(List<Part> parts) {
            this.parts = parts.toArray(Part[]::new);
            this.captures = parts.stream().filter(p -> p.text == null).toArray(Part[]::new);
        }

        @Override
        public String toString() {
            return String.join(" ", java.util.Arrays.stream(parts).map(Part::toString).toList());
        }
    }

    static Alt[] compile(String path) {
        List<Token> tokens = new Parser(path).tokens("");
        List<Alt> alts = new ArrayList<>();
        flatten(tokens, 0, new ArrayList<>(), seq -> {
            if (alts.size() >= MAX_ALTERNATIVES) {
                throw error("Too many path combinations", path);
            }
            alts.add(toAlt(merge(seq), path));
        });
        return alts.toArray(Alt[]::new);
    }

    static IllegalArgumentException error(String message, String path) {
        return new IllegalArgumentException(message + ": " + path + " (Express 5 path syntax: /:param, {/:optional}, /*splat)");
    }

    private static final class Parser {
        private final String src;
        private final int[] chars;
        private int index;

        Parser(String src) {
            this.src = src;
            this.chars = src.codePoints().toArray();
        }

        List<Token> tokens(String end) {
            List<Token> out = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (index < chars.length) {
                int c = chars[index++];
                if (!end.isEmpty() && c == end.charAt(0)) {
                    flush(out, text);
                    return out;
                }
                if (c == '\\') {
                    if (index == chars.length) {
                        throw error("Unexpected end after \\ at index " + index, src);
                    }
                    text.appendCodePoint(chars[index++]);
                } else if (c == ':' || c == '*') {
                    capture(out, text, c);
                } else if (c == '{') {
                    flush(out, text);
                    out.add(new Token('{', null, tokens("}")));
                } else if ("}()[]+?!".indexOf(c) >= 0) {
                    throw error("Unexpected " + Character.toString(c) + " at index " + (index - 1), src);
                } else {
                    text.appendCodePoint(c);
                }
            }
            if (!end.isEmpty()) {
                throw error("Unexpected end at index " + index + ", expected " + end, src);
            }
            flush(out, text);
            return out;
        }

        private void capture(List<Token> out, StringBuilder text, int c) {
            String name = name();
            if (name.isEmpty() && c == '*') {
                name = "0"; // Express 4's bare '*': anything, including nothing
                optional(out, text, new Token('*', name, null));
                return;
            }
            if (name.isEmpty()) {
                throw error("Missing parameter name at index " + index, src);
            }
            Token t = new Token(c == ':' ? ':' : '*', name, null);
            if (c == ':' && index < chars.length && chars[index] == '?') {
                index++; // Express 4's optional parameter
                optional(out, text, t);
                return;
            }
            flush(out, text);
            out.add(t);
        }

        /** Adds {/t} when the text ends with '/', else {t}: Express 4's optional forms. */
        private void optional(List<Token> out, StringBuilder text, Token t) {
            boolean slash = text.length() > 0 && text.charAt(text.length() - 1) == '/';
            if (slash) {
                text.setLength(text.length() - 1);
            }
            flush(out, text);
            out.add(new Token('{', null, slash ? List.of(new Token('t', "/", null), t) : List.of(t)));
        }

        private String name() {
            StringBuilder name = new StringBuilder();
            if (index < chars.length && idStart(chars[index])) {
                do {
                    name.appendCodePoint(chars[index++]);
                } while (index < chars.length && idContinue(chars[index]));
            } else if (index < chars.length && chars[index] == '"') {
                int quoteStart = index;
                index++;
                while (true) {
                    if (index >= chars.length) {
                        throw error("Unterminated quote at index " + quoteStart, src);
                    }
                    int c = chars[index++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\' && index < chars.length) {
                        c = chars[index++];
                    }
                    name.appendCodePoint(c);
                }
            }
            return name.toString();
        }

        private static boolean idStart(int c) {
            return c == '$' || c == '_' || Character.isUnicodeIdentifierStart(c);
        }

        private static boolean idContinue(int c) {
            return c == '$' || c == 0x200c || c == 0x200d || Character.isUnicodeIdentifierPart(c)
                    && !Character.isIdentifierIgnorable(c);
        }

        private static void flush(List<Token> out, StringBuilder text) {
            if (text.length() > 0) {
                out.add(new Token('t', text.toString(), null));
                text.setLength(0);
            }
        }
    }

    /** Groups expand first with their content, then without it, as the regex alternation orders them. */
    private static void flatten(List<Token> tokens, int index, List<Token> result,
            java.util.function.Consumer<List<Token>> callback) {
        while (index < tokens.size()) {
            Token t = tokens.get(index++);
            if (t.kind == '{') {
                int len = result.size();
                int after = index;
                flatten(t.group, 0, result, seq -> flatten(tokens, after, seq, callback));
                while (result.size() > len) {
                    result.remove(result.size() - 1);
                }
                continue;
            }
            result.add(t);
        }
        callback.accept(result);
    }

    /** Joins adjacent text tokens (two groups' texts may meet after expansion). */
    private static List<Token> merge(List<Token> seq) {
        List<Token> out = new ArrayList<>(seq.size());
        for (Token t : seq) {
            Token last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (t.kind == 't' && last != null && last.kind == 't') {
                out.set(out.size() - 1, new Token('t', last.value + t.value, null));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** path-to-regexp 8.4's toRegExpSource, producing capture classes instead of regex text. */
    private static Alt toAlt(List<Token> tokens, String path) {
        List<Part> parts = new ArrayList<>();
        String backtrack = "";
        String wildcardBacktrack = "";
        int prevCapture = 0;
        int segmentCaptures = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind == 't') {
                parts.add(new Part(t.value, null, false, null));
                backtrack += t.value;
                if (prevCapture == 2) {
                    wildcardBacktrack += t.value;
                }
                if (t.value.contains(DELIMITER)) {
                    segmentCaptures = 0;
                }
                continue;
            }
            if (prevCapture != 0 && backtrack.isEmpty()) {
                throw error("Missing text before \"" + t.value + "\" " + (t.kind == ':' ? "param" : "wildcard"), path);
            }
            Option[] options;
            if (t.kind == ':') {
                options = (segmentCaptures & 2) != 0 ? new Option[] {run(DELIMITER, backtrack)}
                        : wildcardLaterInSegment(tokens, i + 1) ? new Option[] {run(DELIMITER, peekText(tokens, i + 1))}
                        : (segmentCaptures & 1) != 0 ? new Option[] {run(DELIMITER, backtrack), new Option("", "", backtrack)}
                        : new Option[] {run(DELIMITER, "")};
                segmentCaptures |= prevCapture = 1;
            } else {
                options = (segmentCaptures & 2) != 0 ? new Option[] {run(backtrack, "")}
                        : !wildcardBacktrack.isEmpty() ? new Option[] {run(wildcardBacktrack, ""), run(DELIMITER, "")}
                        : new Option[] {new Option("", "", null)};
                wildcardBacktrack = "";
                segmentCaptures |= prevCapture = 2;
            }
            parts.add(new Part(null, t.value, t.kind == '*', options));
            backtrack = "";
        }
        return new Alt(parts);
    }

    /** negate(a, b): the longer string first, a duplicate dropped. */
    private static Option run(String a, String b) {
        if (b.length() > a.length()) {
            return run(b, a);
        }
        return new Option(a, a.equals(b) ? "" : b, null);
    }

    private static boolean wildcardLaterInSegment(List<Token> tokens, int i) {
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind == '*') {
                return true;
            }
            if (t.kind == 't' && t.value.contains(DELIMITER)) {
                return false;
            }
        }
        return false;
    }

    private static String peekText(List<Token> tokens, int i) {
        StringBuilder b = new StringBuilder();
        for (; i < tokens.size() && tokens.get(i).kind == 't'; i++) {
            b.append(tokens.get(i).value);
        }
        return b.toString();
    }
}
