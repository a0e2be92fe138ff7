package dev.eventide.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Content negotiation as the negotiator and accepts packages do it (q-values, then specificity,
 * then the order of the Accept header, then the order offered), and type-is's Content-Type
 * matching. Header input is split by hand, never by a regex. Stateless; any thread.
 */
final class Negotiation {
    enum Kind { TYPE, ENCODING, LANGUAGE }

    private Negotiation() {
    }

    /** One accepted entry: main/sub are type/subtype, encoding/"" or prefix/suffix. */
    private record Spec(String main, String sub, String full, Map<String, String> params, double q, int i) {
    }

    /** A candidate's best match: which entry (o), how well (s), at what quality (q). */
    private record Priority(int i, int o, double q, int s) {
    }

    /**
     * The offered values the header accepts, best first (negotiator's preferred*). A null header
     * means the default: any type, "*" for languages, identity only for encodings.
     */
    static List<String> preferred(Kind kind, String header, List<String> offered) {
        List<Spec> accepted = parseHeader(kind, header);
        List<Priority> priorities = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Priority best = new Priority(i, -1, 0, 0);
            for (Spec spec : accepted) {
                Priority p = specify(kind, offered.get(i), spec, i);
                if (p != null && compareBest(best, p) < 0) {
                    best = p;
                }
            }
            priorities.add(best);
        }
        List<Priority> ok = new ArrayList<>(priorities.stream().filter(p -> p.q > 0).toList());
        ok.sort((a, b) -> a.q != b.q ? Double.compare(b.q, a.q) : a.s != b.s ? b.s - a.s : a.o != b.o ? a.o - b.o : a.i - b.i);
        return ok.stream().map(p -> offered.get(p.i)).toList();
    }

    /** negotiator's (priority.s - spec.s || priority.q - spec.q || priority.o - spec.o). */
    private static int compareBest(Priority cur, Priority cand) {
        if (cur.s != cand.s) {
            return cur.s - cand.s;
        }
        if (cur.q != cand.q) {
            return Double.compare(cur.q, cand.q);
        }
        return cur.o - cand.o;
    }

    private static List<Spec> parseHeader(Kind kind, String header) {
        if (header == null) {
            header = kind == Kind.TYPE ? "*/*" : kind == Kind.LANGUAGE ? "*" : "";
        }
        List<Spec> out = new ArrayList<>();
        boolean identity = false;
        double minQ = 1;
        int i = 0;
        for (String part : split(header, ',')) {
            Spec s = parse(kind, part.trim(), i++);
            if (s == null) {
                continue;
            }
            out.add(s);
            if (kind == Kind.ENCODING) {
                identity |= specify(kind, "identity", s, 0) != null;
                minQ = Math.min(minQ, s.q == 0 ? 1 : s.q);
            }
        }
        if (kind == Kind.ENCODING && !identity) {
            out.add(new Spec("identity", "", "identity", Map.of(), minQ, i));
        }
        return out;
    }

    private static Spec parse(Kind kind, String s, int i) {
        List<String> pieces = split(s, ';');
        String head = pieces.get(0).trim();
        if (head.isEmpty() || head.indexOf(' ') >= 0) {
            return null;
        }
        String main = head;
        String sub = "";
        if (kind != Kind.ENCODING) {
            int sep = head.indexOf(kind == Kind.TYPE ? '/' : '-');
            if (sep < 0 && kind == Kind.TYPE || sep == 0 || sep == head.length() - 1) {
                return null;
            }
            main = sep < 0 ? head : head.substring(0, sep);
            sub = sep < 0 ? "" : head.substring(sep + 1);
        }
        Map<String, String> params = new HashMap<>();
        double q = 1;
        for (int j = 1; j < pieces.size(); j++) {
            String kv = pieces.get(j);
            int eq = kv.indexOf('=');
            String key = (eq < 0 ? kv : kv.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String val = eq < 0 ? "" : unquote(kv.substring(eq + 1).trim());
            if (key.equals("q")) {
                q = parseQ(val);
                break;
            }
            params.put(key, val);
        }
        return new Spec(main, sub, head, params, q, i);
    }

    private static double parseQ(String v) {
        try {
            double q = Double.parseDouble(v);
            return Double.isNaN(q) ? 0 : q;
        } catch (NumberFormatException e) {
            return 0; // parseFloat's NaN: never preferred
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"' ? v.substring(1, v.length() - 1) : v;
    }

    private static Priority specify(Kind kind, String offered, Spec spec, int index) {
        int s = 0;
        if (kind == Kind.ENCODING) {
            if (spec.main.equalsIgnoreCase(offered)) {
                s |= 1;
            } else if (!spec.main.equals("*")) {
                return null;
            }
            return new Priority(index, spec.i, spec.q, s);
        }
        Spec p = parse(kind, offered, 0);
        if (p == null) {
            return null;
        }
        if (kind == Kind.LANGUAGE) {
            if (spec.full.equalsIgnoreCase(p.full)) {
                s |= 4;
            } else if (spec.main.equalsIgnoreCase(p.full)) {
                s |= 2;
            } else if (spec.full.equalsIgnoreCase(p.main)) {
                s |= 1;
            } else if (!spec.full.equals("*")) {
                return null;
            }
            return new Priority(index, spec.i, spec.q, s);
        }
        return specifyType(p, spec, index);
    }

    private static Priority specifyType(Spec p, Spec spec, int index) {
        int s = 0;
        if (spec.main.equalsIgnoreCase(p.main)) {
            s |= 4;
        } else if (!spec.main.equals("*")) {
            return null;
        }
        if (spec.sub.equalsIgnoreCase(p.sub)) {
            s |= 2;
        } else if (!spec.sub.equals("*")) {
            return null;
        }
        if (!spec.params.isEmpty()) {
            for (Map.Entry<String, String> e : spec.params.entrySet()) {
                String want = e.getValue();
                if (!want.equals("*") && !want.equalsIgnoreCase(p.params.getOrDefault(e.getKey(), ""))) {
                    return null;
                }
            }
            s |= 1;
        }
        return new Priority(index, spec.i, spec.q, s);
    }

    /** Splits on sep outside double quotes. */
    static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** A type as accepts() and format() take it: an extension ("json") or a MIME type. */
    static String toMime(String type) {
        return type.indexOf('/') >= 0 ? type : MimeTypes.lookup(type);
    }

    /**
     * type-is: the given type matching a Content-Type ("json", "text/*", "+json",
     * "application/*+json", "urlencoded", "multipart"), or null.
     */
    static String typeIs(String contentType, String... types) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String actual = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int slash = actual.indexOf('/');
        if (slash <= 0 || slash == actual.length() - 1) {
            return null;
        }
        if (types.length == 0) {
            return actual;
        }
        for (String t : types) {
            String expected = switch (t) {
                case "urlencoded" -> "application/x-www-form-urlencoded";
                case "multipart" -> "multipart/*";
                default -> t.startsWith("+") ? "*/*" + t : toMime(t);
            };
            if (mimeMatch(expected.toLowerCase(Locale.ROOT), actual)) {
                return t.startsWith("+") || t.indexOf('*') >= 0 ? actual : t;
            }
        }
        return null;
    }

    private static boolean mimeMatch(String expected, String actual) {
        int e = expected.indexOf('/');
        int a = actual.indexOf('/');
        if (e < 0) {
            return false;
        }
        String et = expected.substring(0, e);
        String es = expected.substring(e + 1);
        String at = actual.substring(0, a);
        String as = actual.substring(a + 1);
        if (!et.equals("*") && !et.equals(at)) {
            return false;
        }
        if (es.startsWith("*+")) {
            return as.length() > es.length() - 1 && as.endsWith(es.substring(1));
        }
        return es.equals("*") || es.equals(as);
    }
}
