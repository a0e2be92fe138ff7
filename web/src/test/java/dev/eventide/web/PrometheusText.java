package dev.eventide.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it rejects what
 * Prometheus rejects and a little more (what a careful exporter never writes). Checked: the
 * line grammar, metric and label names, label value escapes (only \\ \" \n), HELP escapes,
 * numbers as Go parses them, at most one HELP and one TYPE per family with TYPE before its
 * samples, each family's lines together, no duplicate series or label, counters not negative,
 * and for histograms: an {@code le} on every bucket, cumulative counts that never decrease as
 * {@code le} grows, a {@code +Inf} bucket equal to {@code _count}, and a {@code _sum}.
 * A failure is an IllegalArgumentException naming the line.
 */
final class PrometheusText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static final class Family {
        final String name;
        String type;
        String help;
        final List<Sample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }
    }

    final Map<String, Family> families = new LinkedHashMap<>();

    private PrometheusText() {
    }

    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text must end with a newline");
        }
        String[] lines = text.split("\n", -1);
        Set<String> closed = new HashSet<>();
        String current = null;
        for (int i = 0; i < lines.length - 1; i++) {
            try {
                String family = p.line(lines[i]);
                if (family != null && !family.equals(current)) {
                    if (current != null) {
                        closed.add(current);
                    }
                    if (closed.contains(family)) {
                        throw new IllegalArgumentException("the lines of " + family + " are not together");
                    }
                    current = family;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + lines[i], e);
            }
        }
        p.families.values().forEach(PrometheusText::checkFamily);
        return p;
    }

    /** Parses one line; returns the family it belongs to, or null for a blank line or comment. */
    private String line(String line) {
        if (line.isEmpty()) {
            return null;
        }
        if (line.startsWith("#")) {
            return comment(line);
        }
        Cursor c = new Cursor(line);
        String name = c.match(METRIC, "metric name");
        Map<String, String> labels = c.peek() == '{' ? labels(c) : Map.of();
        c.expect(' ');
        double value = number(c.until(' '));
        if (!c.done()) {
            c.expect(' ');
            String ts = c.until(' ');
            if (!ts.matches("-?\\d+")) {
                throw new IllegalArgumentException("bad timestamp " + ts);
            }
            if (!c.done()) {
                throw new IllegalArgumentException("text after the timestamp");
            }
        }
        Family f = familyOf(name);
        if (f.samples.isEmpty() && f.type == null) {
            f.type = "untyped";
        }
        f.samples.add(new Sample(name, labels, value));
        return f.name;
    }

    private String comment(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return null; // an ordinary comment
        }
        String name = parts[2];
        if (!METRIC.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name " + name);
        }
        Family f = families.computeIfAbsent(name, Family::new);
        String rest = parts.length == 4 ? parts[3] : "";
        if (parts[1].equals("HELP")) {
            if (f.help != null) {
                throw new IllegalArgumentException("second HELP for " + name);
            }
            f.help = unescape(rest);
        } else {
            if (f.type != null) {
                throw new IllegalArgumentException("TYPE for " + name + " after its samples or a second TYPE");
            }
            if (!TYPES.contains(rest)) {
                throw new IllegalArgumentException("unknown type " + rest);
            }
            f.type = rest;
        }
        return name;
    }

    /** The family a sample belongs to: its own name, or a histogram or summary it is part of. */
    private Family familyOf(String name) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                Family f = families.get(name.substring(0, name.length() - suffix.length()));
                if (f != null && ("histogram".equals(f.type) || ("summary".equals(f.type) && !suffix.equals("_bucket")))) {
                    return f;
                }
            }
        }
        Family f = families.computeIfAbsent(name, Family::new);
        if ("histogram".equals(f.type)) {
            throw new IllegalArgumentException("a histogram has no bare sample " + name);
        }
        return f;
    }

    private static Map<String, String> labels(Cursor c) {
        Map<String, String> labels = new TreeMap<>();
        c.expect('{');
        while (c.peek() != '}') {
            String name = c.match(LABEL, "label name");
            if (name.startsWith("__")) {
                throw new IllegalArgumentException("reserved label name " + name);
            }
            c.expect('=');
            c.expect('"');
            StringBuilder v = new StringBuilder();
            for (char ch; (ch = c.next()) != '"';) {
                if (ch == '\\') {
                    char e = c.next();
                    v.append(switch (e) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw new IllegalArgumentException("bad escape \\" + e + " in a label value");
                    });
                } else if (ch == '\n') {
                    throw new IllegalArgumentException("raw newline in a label value");
                } else {
                    v.append(ch);
                }
            }
            if (labels.put(name, v.toString()) != null) {
                throw new IllegalArgumentException("duplicate label " + name);
            }
            if (c.peek() == ',') {
                c.next();
            } else if (c.peek() != '}') {
                throw new IllegalArgumentException("expected , or } after a label");
            }
        }
        c.expect('}');
        return labels;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalArgumentException("a lone backslash at the end of HELP");
            }
            char e = s.charAt(i);
            if (e == '\\') {
                b.append('\\');
            } else if (e == 'n') {
                b.append('\n');
            } else {
                throw new IllegalArgumentException("bad escape \\" + e + " in HELP");
            }
        }
        return b.toString();
    }

    static double number(String s) {
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!FLOAT.matcher(s).matches()) {
                    throw new IllegalArgumentException("bad number " + s);
                }
                return Double.parseDouble(s);
        }
    }

    private static void checkFamily(Family f) {
        Set<String> series = new HashSet<>();
        for (Sample s : f.samples) {
            if (!series.add(s.name + s.labels)) {
                throw new IllegalArgumentException("duplicate series " + s.name + s.labels);
            }
            if ("counter".equals(f.type) && !(s.value >= 0)) {
                throw new IllegalArgumentException("negative or NaN counter " + s.name + s.labels);
            }
        }
        if ("histogram".equals(f.type)) {
            Histograms.check(f);
        }
    }

    /** The value of one series, or null when absent; labels alternate names and values. */
    Double value(String name, String... labels) {
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        for (Family f : families.values()) {
            for (Sample s : f.samples) {
                if (s.name.equals(name) && s.labels.equals(want)) {
                    return s.value;
                }
            }
        }
        return null;
    }

    Family family(String name) {
        return families.get(name);
    }

    /** Reads a line left to right. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        char peek() {
            return done() ? '\n' : s.charAt(i);
        }

        char next() {
            if (done()) {
                throw new IllegalArgumentException("unexpected end of line");
            }
            return s.charAt(i++);
        }

        void expect(char ch) {
            if (next() != ch) {
                throw new IllegalArgumentException("expected '" + ch + "' at column " + i);
            }
        }

        String until(char stop) {
            int start = i;
            while (!done() && s.charAt(i) != stop) {
                i++;
            }
            return s.substring(start, i);
        }

        String match(Pattern p, String what) {
            var m = p.matcher(s).region(i, s.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("bad " + what + " at column " + i);
            }
            i = m.end();
            return m.group();
        }
    }

    /** The histogram rules, per label set without le. */
    private static final class Histograms {
        static void check(Family f) {
            Map<Map<String, String>, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
            Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
            Set<Map<String, String>> sums = new HashSet<>();
            for (Sample s : f.samples) {
                Map<String, String> key = new TreeMap<>(s.labels);
                if (s.name.equals(f.name + "_bucket")) {
                    String le = key.remove("le");
                    if (le == null) {
                        throw new IllegalArgumentException(s.name + " without le");
                    }
                    buckets.computeIfAbsent(key, k -> new TreeMap<>()).put(number(le), s.value);
                } else if (s.name.equals(f.name + "_count")) {
                    counts.put(key, s.value);
                } else {
                    sums.add(key);
                }
            }
            for (var e : buckets.entrySet()) {
                double previous = 0;
                for (double v : e.getValue().values()) {
                    if (!(v >= previous)) {
                        throw new IllegalArgumentException(f.name + e.getKey() + ": buckets decrease");
                    }
                    previous = v;
                }
                Double inf = e.getValue().get(Double.POSITIVE_INFINITY);
                if (inf == null || !inf.equals(counts.get(e.getKey()))) {
                    throw new IllegalArgumentException(f.name + e.getKey() + ": +Inf bucket " + inf + " != _count "
                            + counts.get(e.getKey()));
                }
                if (!sums.contains(e.getKey())) {
                    throw new IllegalArgumentException(f.name + e.getKey() + ": no _sum");
                }
            }
            if (!buckets.keySet().containsAll(counts.keySet()) || !buckets.keySet().containsAll(sums)) {
                throw new IllegalArgumentException(f.name + ": _count or _sum without buckets");
            }
        }
    }
}
