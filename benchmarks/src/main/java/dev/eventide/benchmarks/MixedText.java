package dev.eventide.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic "mixed text" (words with some UTF-8, log lines, JSON records, hex ids) from a
 * 32-bit LCG, byte for byte the same as {@code makeText} in benchmarks/node/zlib.js, so both
 * sides compress the same input (the scripts print its CRC-32 on each side to prove it).
 */
final class MixedText {
    private static final String[] WORDS = {"the", "event", "loop", "stream", "buffer", "request", "response",
        "timeout", "socket", "header", "chunk", "gzip", "deflate", "worker", "promise", "error", "value", "Lorem",
        "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "caf\u00e9", "na\u00efve", "\u65e5\u672c",
        "stra\u00dfe"};
    private static final byte[][] WORD_BYTES = new byte[WORDS.length][];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            WORD_BYTES[i] = WORDS[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    private final byte[] out;
    private int at;
    private int state = 12345;

    private MixedText(int size) {
        out = new byte[size];
    }

    static byte[] make(int size) {
        MixedText t = new MixedText(size);
        while (t.at < size) {
            t.piece();
        }
        return t.out;
    }

    /** The LCG of Numerical Recipes; 24 high bits of the state. */
    private int next() {
        state = state * 1103515245 + 12345;
        return state >>> 8;
    }

    private void piece() {
        switch (next() % 4) {
            case 0 -> {
                for (int i = 0; i < 8; i++) {
                    put(WORD_BYTES[next() % WORDS.length]);
                    put(" ");
                }
                put("\n");
            }
            case 1 -> {
                put("2024-05-" + (10 + next() % 20) + " INFO ");
                put(WORD_BYTES[next() % WORDS.length]);
                put(" took " + next() % 900 + "ms\n");
            }
            case 2 -> {
                put("{\"id\":" + next() + ",\"name\":\"");
                put(WORD_BYTES[next() % WORDS.length]);
                put("\",\"ok\":true}\n");
            }
            default -> put(Integer.toHexString(next()) + Integer.toHexString(next()) + "\n");
        }
    }

    private void put(String ascii) {
        put(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private void put(byte[] bytes) {
        int n = Math.min(bytes.length, out.length - at);
        System.arraycopy(bytes, 0, out, at, n);
        at += n;
    }
}
