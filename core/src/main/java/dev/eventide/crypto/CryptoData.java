package dev.eventide.crypto;

import dev.eventide.buffer.Bytes;
import dev.eventide.buffer.Encoding;
import dev.eventide.errors.Errors;

/**
 * Turns the data arguments that Node's crypto functions accept (a string with an encoding,
 * Bytes, byte[]) into byte arrays, and output bytes into the requested encoding. Stateless.
 */
final class CryptoData {
    private CryptoData() {}

    /** Node's getArrayBufferOrView: strings are encoded (UTF-8 by default), bytes are copied. */
    static byte[] bytes(Object data, String name, String encoding) {
        if (data instanceof String s) {
            return Bytes.from(s, encoding == null || encoding.equals("buffer") ? Encoding.UTF8
                    : Encoding.of(encoding)).toByteArray();
        }
        if (data instanceof Bytes b) {
            return b.toByteArray();
        }
        if (data instanceof byte[] a) {
            return a.clone();
        }
        throw Errors.invalidArgType(name,
                "of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView", data);
    }

    static byte[] bytes(Object data, String name) {
        return bytes(data, name, null);
    }

    /** Encodes output bytes; a null encoding means Bytes. */
    static Object encode(byte[] out, String encoding) {
        if (encoding == null || encoding.equals("buffer")) {
            return Bytes.wrap(out);
        }
        return Bytes.wrap(out).toString(Encoding.of(encoding));
    }

    /** Encodes output bytes as text; "buffer" is not text, so it is refused with a pointer to the Bytes form. */
    static String text(byte[] out, String encoding) {
        if (encoding == null || encoding.equals("buffer")) {
            throw Errors.invalidArgValue("encoding", encoding,
                    "is not a text encoding: call the form without an encoding to get Bytes");
        }
        return Bytes.wrap(out).toString(Encoding.of(encoding));
    }
}
