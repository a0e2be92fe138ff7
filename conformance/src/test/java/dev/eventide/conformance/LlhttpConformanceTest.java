package dev.eventide.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventide.http.Http1Error;
import dev.eventide.http.Http1Lenient;
import dev.eventide.http.Http1Parser;
import dev.eventide.http.Http1Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs llhttp 9.4.2's markdown test corpus ({@code ../shared/conformance/llhttp}) against
 * {@link Http1Parser}, as llhttp's own harness does: every case is fed whole, then (unless
 * {@code noScan}) in chunks of every size from 1 byte up, then in random splits, and each
 * run's event log must equal the expected one exactly, error reasons included. Cases we do
 * not run are listed in {@link #SKIPPED} with the reason; any other mismatch fails.
 */
class LlhttpConformanceTest {
    /** Cases not run, by "file:line", with why. */
    static final Map<String, String> SKIPPED = Map.of();

    /** Whole files not run. */
    static final Map<String, String> SKIPPED_FILES = Map.of(
            "url.md", "llhttp's URL splitter (url.schema/host/path/query/fragment spans) is a separate "
                    + "llhttp API that Http1Parser does not expose; it reports the URL as one span");

    private static final Map<String, int[]> SUMMARY = new TreeMap<>();

    @TestFactory
    Stream<DynamicNode> llhttpCorpus() throws IOException {
        Path dir = SharedCorpus.require("llhttp");
        List<DynamicNode> files = new ArrayList<>();
        for (String sub : List.of("request", "response", ".")) {
            try (Stream<Path> s = Files.list(dir.resolve(sub))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".md") && !p.endsWith("FORMAT.md")).sorted().toList()) {
                    String label = sub.equals(".") ? f.getFileName().toString() : sub + "/" + f.getFileName();
                    List<DynamicNode> tests = new ArrayList<>();
                    for (LlhttpCorpus.Case c : LlhttpCorpus.read(f, label)) {
                        tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
                    }
                    files.add(DynamicContainer.dynamicContainer(label, tests));
                }
            }
        }
        return files.stream();
    }

    @AfterAll
    static void printSummary() {
        int[] total = new int[3];
        for (var e : SUMMARY.entrySet()) {
            int[] n = e.getValue();
            System.out.printf("llhttp conformance %-40s passed=%d skipped=%d failed=%d%n", e.getKey(), n[0], n[1], n[2]);
            for (int i = 0; i < 3; i++) {
                total[i] += n[i];
            }
        }
        System.out.printf("llhttp conformance %-40s passed=%d skipped=%d failed=%d%n", "TOTAL", total[0], total[1], total[2]);
    }

    private static void count(String file, int which) {
        synchronized (SUMMARY) {
            SUMMARY.computeIfAbsent(file, k -> new int[3])[which]++;
        }
    }

    private static void check(LlhttpCorpus.Case c) {
        String reason = SKIPPED_FILES.get(c.file());
        reason = reason != null ? reason : SKIPPED.get(c.file() + ":" + c.line());
        if (reason != null || c.url()) {
            count(c.file(), 1);
            Assumptions.abort(reason != null ? reason : "URL-only case");
        }
        try {
            verify(c);
            count(c.file(), 0);
        } catch (AssertionError | RuntimeException e) {
            count(c.file(), 2);
            throw e;
        }
    }

    private static void verify(LlhttpCorpus.Case c) {
        String expected = String.join("\n", c.expected());
        int len = c.input().length;
        assertEquals(expected, String.join("\n", run(c, len)), "whole input");
        if (c.noScan()) {
            return;
        }
        for (int size = 1; size < len; size++) {
            assertEquals(expected, String.join("\n", run(c, size)), "in chunks of " + size + " bytes");
        }
        Random random = new Random(c.line() * 31L + len);
        for (int i = 0; i < 20; i++) {
            int[] cuts = random.ints(1 + random.nextInt(6), 0, len + 1).sorted().toArray();
            assertEquals(expected, String.join("\n", run(c, cuts)), "split at " + java.util.Arrays.toString(cuts));
        }
    }

    private static List<String> run(LlhttpCorpus.Case c, int chunk) {
        int len = c.input().length;
        List<Integer> cuts = new ArrayList<>();
        for (int at = chunk; at < len; at += chunk) {
            cuts.add(at);
        }
        return run(c, cuts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Feeds the input cut at the given offsets, one execute per piece, logging like llhttp's harness. */
    static List<String> run(LlhttpCorpus.Case c, int[] cuts) {
        LlhttpLog log = new LlhttpLog(c.pause() == null ? "" : c.pause(), c.skipBody());
        Http1Parser parser = new Http1Parser(kind(c.type()), log, settings(c.type()));
        log.parser = parser;
        byte[] in = c.input();
        int from = 0;
        boolean failed = false;
        for (int i = 0; i <= cuts.length && !failed; i++) {
            int to = i < cuts.length ? cuts[i] : in.length;
            failed = feed(parser, log, in, from, to);
            from = to;
        }
        if (!failed && c.type().endsWith("-finish")) {
            log.line("off=NULL finish=" + parser.finishState());
        }
        return log.render();
    }

    private static boolean feed(Http1Parser parser, LlhttpLog log, byte[] in, int from, int to) {
        int off = from;
        while (true) {
            int n = parser.execute(in, off, to - off);
            Http1Error e = parser.error();
            if (e == null) {
                return false;
            }
            int at = off + n;
            if (e == Http1Error.PAUSED) {
                log.line("off=" + at + " pause");
                parser.resume();
                off = at;
                continue;
            }
            log.line("off=" + at + " error code=" + e.number() + " reason=\"" + parser.errorReason() + "\"");
            return true;
        }
    }

    static Http1Parser.Kind kind(String type) {
        return type.startsWith("response") ? Http1Parser.Kind.RESPONSE : Http1Parser.Kind.REQUEST;
    }

    /** No limits (the corpus has long headers), and the lenient flag that the type names. */
    static Http1Settings settings(String type) {
        Set<Http1Lenient> flags = EnumSet.noneOf(Http1Lenient.class);
        int at = type.indexOf("-lenient-");
        if (at >= 0) {
            String name = type.substring(at + "-lenient-".length());
            if (name.equals("all")) {
                flags.addAll(Http1Lenient.INSECURE);
            } else {
                flags.add(Http1Lenient.valueOf(name.toUpperCase().replace('-', '_')));
            }
        }
        return Http1Settings.DEFAULTS.unlimited().withLenient(flags);
    }
}
