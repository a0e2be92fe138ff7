package dev.eventide.zlib;

import java.util.SplittableRandom;

/**
 * Deterministic "mixed text" for the zlib tests and benchmarks: words, numbers, JSON-ish and
 * log-ish lines from a seeded generator, compressing about 3-4x as real text does.
 */
final class TestData {
    private static final String[] WORDS = {"the", "event", "loop", "stream", "buffer", "request", "response",
        "timeout", "socket", "header", "chunk", "gzip", "deflate", "worker", "promise", "error", "value",
        "Lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "é", "ñ", "日本", "ü"};

    private TestData() {}

    static String mixedText(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(length + 100);
        while (out.length() < length) {
            switch (random.nextInt(3)) {
                case 0 -> out.append("{\"id\":").append(random.nextInt(1_000_000)).append(",\"name\":\"")
                        .append(WORDS[random.nextInt(WORDS.length)]).append("\"}\n");
                case 1 -> out.append("2024-05-").append(10 + random.nextInt(20)).append(" INFO ")
                        .append(WORDS[random.nextInt(WORDS.length)]).append(" took ").append(random.nextInt(900)).append("ms\n");
                default -> {
                    for (int i = 0; i < 12; i++) {
                        out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    out.append('\n');
                }
            }
        }
        return out.substring(0, length);
    }
}
