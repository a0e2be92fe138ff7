package dev.eventide.brotli;

import java.nio.charset.StandardCharsets;

/** Deterministic mixed text for the tests (words, some UTF-8, numbers). Stateless. */
final class TestText {
    private static final String[] WORDS = {"the", "event", "loop", "stream", "brotli", "chunk", "café", "naïve",
        "日本", "straße", "window", "quality", "{\"id\":", "},", "\n"};

    private TestText() {}

    static byte[] make(int size, int seed) {
        StringBuilder b = new StringBuilder(size + 16);
        int state = seed;
        while (b.length() < size) {
            state = state * 1103515245 + 12345;
            int r = state >>> 8;
            b.append(WORDS[r % WORDS.length]).append(r % 7 == 0 ? Integer.toString(r % 1000) : " ");
        }
        byte[] all = b.toString().getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(all, size);
    }
}
