package dev.eventide.buffer;

import dev.eventide.errors.ErrorCode;
import java.util.Locale;

/**
 * The character encodings that {@link Bytes} and {@link StringDecoder} understand, with Node's
 * names and aliases. Immutable; usable from any thread.
 *
 * <p>Names are matched case-insensitively, as Node's {@code normalizeEncoding}: {@code utf8}
 * and {@code utf-8}; {@code utf16le}, {@code utf-16le}, {@code ucs2} and {@code ucs-2};
 * {@code latin1} and {@code binary}; {@code ascii}; {@code hex}; {@code base64};
 * {@code base64url}. Anything else is {@code ERR_UNKNOWN_ENCODING}.
 */
public enum Encoding {
    UTF8("utf8"),
    UTF16LE("utf16le"),
    LATIN1("latin1"),
    ASCII("ascii"),
    HEX("hex"),
    BASE64("base64"),
    BASE64URL("base64url");

    private final String nodeName;

    Encoding(String nodeName) {
        this.nodeName = nodeName;
    }

    /** The canonical Node name, as {@code normalizeEncoding} returns it ({@code "utf16le"}). */
    public String nodeName() {
        return nodeName;
    }

    /**
     * The encoding for a Node name or alias; {@code null} means the default, UTF-8 (Node's
     * {@code undefined}). Throws {@code ERR_UNKNOWN_ENCODING} for any other name, including "".
     */
    public static Encoding of(String name) {
        if (name == null) {
            return UTF8;
        }
        Encoding found = lookup(name);
        if (found == null) {
            throw ErrorCode.ERR_UNKNOWN_ENCODING.make(name);
        }
        return found;
    }

    /** Node's {@code Buffer.isEncoding}: true for every name and alias above, false otherwise. */
    public static boolean isEncoding(String name) {
        return name != null && lookup(name) != null;
    }

    /**
     * As {@link #of} but an empty name also means UTF-8: {@code Buffer.from}, {@code write} and
     * {@code byteLength} test the encoding with {@code !encoding}, so '' falls back to utf8 there.
     */
    static Encoding orUtf8(String name) {
        return name == null || name.isEmpty() ? UTF8 : of(name);
    }

    private static Encoding lookup(String name) {
        Encoding exact = exact(name);
        return exact != null ? exact : exact(name.toLowerCase(Locale.ROOT));
    }

    private static Encoding exact(String name) {
        return switch (name) {
            case "utf8", "utf-8" -> UTF8;
            case "utf16le", "utf-16le", "ucs2", "ucs-2" -> UTF16LE;
            case "latin1", "binary" -> LATIN1;
            case "ascii" -> ASCII;
            case "hex" -> HEX;
            case "base64" -> BASE64;
            case "base64url" -> BASE64URL;
            default -> null;
        };
    }
}
