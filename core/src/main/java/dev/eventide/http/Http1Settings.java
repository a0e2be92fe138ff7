package dev.eventide.http;

import dev.eventide.errors.Errors;
import java.util.EnumSet;
import java.util.Set;

/**
 * Limits and leniency of an {@link Http1Parser}, with Node's defaults. Immutable: each
 * {@code with...} method returns a copy, so one instance can be shared by every connection.
 *
 * @param maxHeaderSize bytes of URL or status text plus header names and values that one
 *     message head may carry; reaching it fails with {@link Http1Error#HEADER_OVERFLOW} (Node's
 *     {@code maxHeaderSize}, 16 KiB; trailers are counted on their own)
 * @param maxHeadersCount header lines reported per message head; later ones are still parsed
 *     and checked but not reported (Node's {@code maxHeadersCount}, 2000); 0 means no limit
 * @param maxChunkExtensionsSize bytes of chunk extensions per chunk before
 *     {@link Http1Error#CHUNK_EXTENSIONS_OVERFLOW} (Node's 16 KiB); 0 means no limit
 * @param lenient relaxed rules, none by default
 */
public record Http1Settings(int maxHeaderSize, int maxHeadersCount, int maxChunkExtensionsSize,
                            Set<Http1Lenient> lenient) {
    /** Node 20's defaults, strict parsing. */
    public static final Http1Settings DEFAULTS = new Http1Settings(16 * 1024, 2000, 16 * 1024,
            EnumSet.noneOf(Http1Lenient.class));

    public Http1Settings {
        Errors.requireRange(maxHeaderSize, "maxHeaderSize", 0, Integer.MAX_VALUE);
        Errors.requireRange(maxHeadersCount, "maxHeadersCount", 0, Integer.MAX_VALUE);
        Errors.requireRange(maxChunkExtensionsSize, "maxChunkExtensionsSize", 0, Integer.MAX_VALUE);
        lenient = Set.copyOf(Errors.requireNonNull(lenient, "lenient", "a Set"));
    }

    public Http1Settings withMaxHeaderSize(int bytes) {
        return new Http1Settings(bytes, maxHeadersCount, maxChunkExtensionsSize, lenient);
    }

    public Http1Settings withMaxHeadersCount(int count) {
        return new Http1Settings(maxHeaderSize, count, maxChunkExtensionsSize, lenient);
    }

    public Http1Settings withMaxChunkExtensionsSize(int bytes) {
        return new Http1Settings(maxHeaderSize, maxHeadersCount, bytes, lenient);
    }

    public Http1Settings withLenient(Set<Http1Lenient> flags) {
        return new Http1Settings(maxHeaderSize, maxHeadersCount, maxChunkExtensionsSize, flags);
    }

    /** No size or count limits (for tests and trusted peers). */
    public Http1Settings unlimited() {
        return new Http1Settings(0, 0, 0, lenient);
    }
}
