package dev.eventide.http;

import java.nio.charset.StandardCharsets;

/**
 * Matches one of a fixed set of words (methods, protocols, special header names) one byte
 * at a time, so that a word split across two reads is still recognised without copying.
 * Immutable and shared; the position of a match in progress lives in the parser
 * ({@code trieMask}, {@code trieIndex}).
 *
 * <p>HOW: {@code at[i][c]} is the bit set of words whose byte i is c, so each byte costs one
 * AND. Like llhttp's generated tries it never backtracks: a matched prefix stays consumed,
 * and a complete word that is a prefix of a longer one is taken only when the next byte
 * continues none of the longer words (that byte is then left for the next state).
 */
final class Http1Trie {
    /** The byte was consumed and more bytes are needed. */
    static final int MORE = -1;
    /** No word matches; the byte was not consumed (the matched prefix was). */
    static final int MISMATCH = -2;

    private final long[][] at;
    private final long[] endsAt;
    private final boolean lowerCase;
    final long all;

    Http1Trie(boolean lowerCase, String... words) {
        if (words.length > 64) {
            throw new IllegalArgumentException("at most 64 words");
        }
        int max = 0;
        for (String w : words) {
            max = Math.max(max, w.length());
        }
        this.at = new long[max][256];
        this.endsAt = new long[max + 1];
        this.lowerCase = lowerCase;
        for (int w = 0; w < words.length; w++) {
            byte[] b = words[w].getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < b.length; i++) {
                at[i][b[i] & 0xff] |= 1L << w;
            }
            endsAt[b.length] |= 1L << w;
        }
        this.all = words.length == 64 ? -1L : (1L << words.length) - 1;
    }

    /**
     * Feeds one byte. Returns a word index (>= 0) when the byte completed that word, {@link #MORE},
     * {@link #MISMATCH}, or {@code -3 - index} when an earlier complete word is taken and the byte
     * was not consumed.
     */
    int feed(Http1Parser s, int c) {
        if (lowerCase && c >= 'A' && c <= 'Z') {
            c += 32;
        }
        int i = s.trieIndex;
        long mask = s.trieMask;
        long next = i < at.length ? mask & at[i][c] : 0;
        if (next != 0) {
            s.trieMask = next;
            s.trieIndex = ++i;
            long done = next & endsAt[i];
            if (done != 0 && (next & ~done) == 0) {
                return Long.numberOfTrailingZeros(done);
            }
            return MORE;
        }
        long done = mask & endsAt[i];
        return done != 0 ? -3 - Long.numberOfTrailingZeros(done) : MISMATCH;
    }
}
