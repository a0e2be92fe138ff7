package dev.eventide.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Content-coding negotiation from Accept-Encoding, as the {@code negotiator} package (0.6, the
 * one {@code compression} uses) does it with a preferred list. Pure functions; any thread.
 *
 * <p>How: each offered coding gets the q of the most specific entry naming it (its own name
 * beats "*"); "identity" is acceptable unless the header says otherwise (when it lists neither
 * identity nor "*", identity gets the lowest q it lists); codings with q=0 are refused. Among
 * the rest the highest q wins, ties going to the preferred codings in their order (br, then
 * gzip), then to the header's order.
 */
final class AcceptEncoding {
    /** At most this many entries of a header are read, so a huge header costs little. */
    private static final int MAX_ENTRIES = 64;

    private record Entry(String coding, double q, int order) {
    }

    private record Priority(String coding, int index, int order, double q, int specificity) {
    }

    private AcceptEncoding() {
    }

    /** The best of {@code offered} for the header, or null when none is acceptable. */
    static String negotiate(String header, List<String> offered, List<String> preferred) {
        List<Entry> accepts = parse(header == null ? "" : header);
        List<Priority> ranked = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Priority p = priority(offered.get(i), i, accepts);
            if (p != null && p.q() > 0) {
                ranked.add(p);
            }
        }
        ranked.sort(comparator(preferred));
        return ranked.isEmpty() ? null : ranked.get(0).coding();
    }

    private static List<Entry> parse(String header) {
        List<Entry> out = new ArrayList<>();
        boolean hasIdentity = false;
        double minQ = 1;
        String[] parts = header.split(",", MAX_ENTRIES + 1);
        for (int i = 0; i < Math.min(parts.length, MAX_ENTRIES); i++) {
            Entry e = entry(parts[i], i);
            if (e == null) {
                continue;
            }
            out.add(e);
            hasIdentity |= e.coding().equals("identity") || e.coding().equals("*");
            minQ = Math.min(minQ, e.q() == 0 ? 1 : e.q()); // negotiator's `q || 1`
        }
        if (!hasIdentity) {
            out.add(new Entry("identity", minQ, parts.length));
        }
        return out;
    }

    /** "gzip;q=0.5" as a coding and its q; a q that is not a number refuses the coding. */
    private static Entry entry(String part, int order) {
        String[] params = part.split(";");
        String coding = params[0].trim().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.indexOf(' ') >= 0) {
            return null;
        }
        double q = 1;
        for (int i = 1; i < params.length; i++) {
            String[] kv = params[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals("q")) {
                q = parseQ(kv[1].trim());
            }
        }
        return new Entry(coding, q, order);
    }

    private static double parseQ(String s) {
        try {
            double q = Double.parseDouble(s);
            return Double.isFinite(q) ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The entry that applies to a coding: an exact name beats "*", then higher q, then later order. */
    private static Priority priority(String coding, int index, List<Entry> accepts) {
        Priority best = null;
        for (Entry e : accepts) {
            int s = e.coding().equals(coding) ? 1 : e.coding().equals("*") ? 0 : -1;
            if (s < 0) {
                continue;
            }
            Priority p = new Priority(coding, index, e.order(), e.q(), s);
            if (best == null || better(p, best)) {
                best = p;
            }
        }
        return best;
    }

    private static boolean better(Priority p, Priority best) {
        if (p.specificity() != best.specificity()) {
            return p.specificity() > best.specificity();
        }
        if (p.q() != best.q()) {
            return p.q() > best.q();
        }
        return p.order() > best.order();
    }

    private static Comparator<Priority> comparator(List<String> preferred) {
        return (a, b) -> {
            if (a.q() != b.q()) {
                return Double.compare(b.q(), a.q());
            }
            int ap = preferred.indexOf(a.coding());
            int bp = preferred.indexOf(b.coding());
            if (ap < 0 && bp < 0) {
                int c = Integer.compare(b.specificity(), a.specificity());
                c = c != 0 ? c : Integer.compare(a.order(), b.order());
                return c != 0 ? c : Integer.compare(a.index(), b.index());
            }
            if (ap >= 0 && bp >= 0) {
                return Integer.compare(ap, bp);
            }
            return ap < 0 ? 1 : -1;
        };
    }
}
