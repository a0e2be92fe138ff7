package dev.eventide.http;

import java.util.Arrays;

/**
 * A growable byte array for message heads: strings go in as Latin-1 (one byte per char, as
 * Node writes headers), constant lines as bytes. Not thread-safe; one per head being built.
 */
final class Latin1Builder {
    private byte[] buf;
    private int size;

    /** A constant line as Latin-1 bytes, for appending without a char loop. */
    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    Latin1Builder(int capacity) {
        buf = new byte[capacity];
    }

    Latin1Builder append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    Latin1Builder append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    Latin1Builder append(long v) {
        if (v < 0) {
            return append(Long.toString(v));
        }
        if (v < 10) {
            ensure(1);
            buf[size++] = (byte) ('0' + v);
            return this;
        }
        int n = 1;
        for (long t = v; t >= 10; t /= 10) {
            n++;
        }
        ensure(n);
        for (int i = size + n - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += n;
        return this;
    }

    Latin1Builder crlf() {
        ensure(2);
        buf[size++] = '\r';
        buf[size++] = '\n';
        return this;
    }

    /** Appends "name: value\r\n". */
    Latin1Builder header(String name, String value) {
        append(name);
        ensure(2);
        buf[size++] = ':';
        buf[size++] = ' ';
        return append(value).crlf();
    }

    /** Empties the builder for the next head, keeping its array. */
    Latin1Builder reset() {
        size = 0;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The bytes in an array with {@code spare} zero bytes of room after them. */
    byte[] toByteArray(int spare) {
        return Arrays.copyOf(buf, size + spare);
    }

    /** The internal array; valid up to size(). */
    byte[] array() {
        return buf;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
