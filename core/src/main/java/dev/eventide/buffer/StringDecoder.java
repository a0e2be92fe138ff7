package dev.eventide.buffer;

import dev.eventide.errors.Errors;

/**
 * Node's {@code string_decoder}: turns a stream of byte chunks into strings without splitting
 * a character across chunk boundaries. Not thread-safe: one stream, one thread.
 *
 * <p>HOW (Node's src/string_decoder.cc, rewritten): each {@link #write} first tries to finish
 * the character held back from the previous chunk, then decodes the chunk's body and holds
 * back an incomplete tail for the next call:
 *
 * <pre>
 *   chunk 1: 61 e2 82 | chunk 2: ac 62          ("a€b" in UTF-8)
 *   write(1) = "a"      held back: e2 82, missing 1
 *   write(2) = "€b"     e2 82 + ac decoded first, then "b"
 * </pre>
 *
 * UTF-8 holds back an unfinished sequence by its lead byte (up to 3 bytes; a byte that cannot
 * continue it ends it early, as V8 would decode it); UTF-16LE holds back an odd byte or a
 * trailing high surrogate; base64 and base64url hold back the bytes past a multiple of 3 so
 * that padding appears only at the {@link #end()}. Latin1, ascii and hex hold nothing back.
 * {@link #end()} flushes what is held: an unfinished UTF-8 sequence as U+FFFD, a lone
 * UTF-16 byte dropped.
 */
public final class StringDecoder {
    private final Encoding encoding;
    /** The held-back bytes of an unfinished character; only the first {@link #buffered} count. */
    private final byte[] pending = new byte[4];
    private int buffered;
    /** How many more bytes the held-back character needs; 0 when nothing is held back. */
    private int missing;

    /** A UTF-8 decoder. */
    public StringDecoder() {
        this(Encoding.UTF8);
    }

    /** Node's new StringDecoder(encoding): null or "" is UTF-8, other unknown names ERR_UNKNOWN_ENCODING. */
    public StringDecoder(String encoding) {
        this(Encoding.orUtf8(encoding));
    }

    public StringDecoder(Encoding encoding) {
        this.encoding = Errors.requireNonNull(encoding, "encoding", "an Encoding");
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Decodes a chunk, holding back an incomplete character at its end for the next call. */
    public String write(Bytes chunk) {
        if (chunk == null) {
            throw Errors.invalidArgType("buf", "an instance of Buffer, TypedArray, or DataView", null);
        }
        if (encoding == Encoding.LATIN1 || encoding == Encoding.ASCII || encoding == Encoding.HEX) {
            return Codecs.decode(encoding, chunk.array, chunk.offset, chunk.offset + chunk.length);
        }
        byte[] a = chunk.array;
        int p = chunk.offset;
        int n = chunk.length;
        String prepend = null;
        if (missing > 0) {
            int used = finishPending(a, p, n);
            p += used;
            n -= used;
            if (missing == 0) {
                prepend = Codecs.decode(encoding, pending, 0, buffered);
                buffered = 0;
            }
        }
        if (n == 0) {
            return prepend == null ? "" : prepend;
        }
        int held = holdBackTail(a, p, n);
        if (held > 0) {
            n -= held;
            System.arraycopy(a, p + n, pending, 0, held);
        }
        String body = n > 0 ? Codecs.decode(encoding, a, p, p + n) : "";
        return prepend == null ? body : prepend.concat(body);
    }

    /** Flushes the held-back bytes, as Node's decoder.end(). The decoder can then be reused. */
    public String end() {
        if (buffered == 0) {
            return "";
        }
        if (encoding == Encoding.UTF16LE && buffered % 2 == 1) {
            buffered--;
            missing--;
        }
        String rest = buffered == 0 ? "" : Codecs.decode(encoding, pending, 0, buffered);
        buffered = 0;
        missing = 0;
        return rest;
    }

    /** {@code write(chunk)} followed by {@link #end()}. */
    public String end(Bytes chunk) {
        String last = write(chunk);
        return last.concat(end());
    }

    /**
     * Moves bytes from the chunk into the held-back character; returns how many were used.
     * For UTF-8 a byte that is not a continuation byte ends the character early.
     */
    private int finishPending(byte[] a, int p, int n) {
        int used = 0;
        if (encoding == Encoding.UTF8) {
            for (int i = 0; i < n && i < missing; i++) {
                if ((a[p + i] & 0xC0) != 0x80) {
                    missing = 0;
                    System.arraycopy(a, p, pending, buffered, i);
                    buffered += i;
                    return i;
                }
            }
        }
        used = Math.min(n, missing);
        System.arraycopy(a, p, pending, buffered, used);
        missing -= used;
        buffered += used;
        return used;
    }

    /** Decides how many bytes at the end of the chunk start an unfinished character. */
    private int holdBackTail(byte[] a, int p, int n) {
        switch (encoding) {
            case UTF8 -> holdBackUtf8(a, p, n);
            case UTF16LE -> {
                if (n % 2 == 1) {
                    buffered = 1;
                    missing = 1;
                } else if ((a[p + n - 1] & 0xFC) == 0xD8) {
                    buffered = 2;
                    missing = 2;
                }
            }
            default -> {
                buffered = n % 3;
                missing = buffered > 0 ? 3 - buffered : 0;
            }
        }
        return buffered;
    }

    /** Walks back from the last byte to the lead byte of the last character (at most 4 bytes). */
    private void holdBackUtf8(byte[] a, int p, int n) {
        if ((a[p + n - 1] & 0x80) == 0) {
            return;
        }
        for (int i = n - 1; ; i--) {
            buffered++;
            int b = a[p + i] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                if (buffered >= 4 || i == 0) {
                    buffered = 0;
                    return;
                }
                continue;
            }
            if ((b & 0xE0) == 0xC0) {
                missing = 2;
            } else if ((b & 0xF0) == 0xE0) {
                missing = 3;
            } else if ((b & 0xF8) == 0xF0) {
                missing = 4;
            } else {
                buffered = 0;
                return;
            }
            if (buffered >= missing) {
                missing = 0;
                buffered = 0;
            }
            missing -= buffered;
            return;
        }
    }
}
