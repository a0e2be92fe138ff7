package dev.eventide.zlib;

import dev.eventide.buffer.Bytes;
import java.util.Map;

/**
 * The options of Node's zlib constructors and convenience methods. A null component means "not
 * given" and takes Node's default for the mode; values are checked when a codec or stream is
 * made (as Node's constructors do), with Node's ERR_OUT_OF_RANGE messages. Immutable.
 *
 * <p>What the JDK's zlib cannot honour is accepted (after the same range checks) and documented:
 * {@code memLevel} has no effect; {@code windowBits} has no effect on compression (the JDK always
 * compresses with a 32 KiB window and says so in the zlib header); strategies {@code Z_RLE} and
 * {@code Z_FIXED} compress as {@code Z_DEFAULT_STRATEGY}; the flushes {@code Z_PARTIAL_FLUSH} and
 * {@code Z_BLOCK} act as {@code Z_SYNC_FLUSH}. {@code maxOutputLength} also guards streams here
 * when it is given (Node only applies it to the buffer forms).
 *
 * @param flush           the flush applied to each write (default Z_NO_FLUSH)
 * @param finishFlush     the flush applied at the end (default Z_FINISH; Z_SYNC_FLUSH lets a
 *                        decompressor end on truncated input without an error)
 * @param chunkSize       the size of output chunks (default 16 KiB, at least 64)
 * @param windowBits      8..15 (9..15 for gzip); 0 on a decompressor means "from the header"
 * @param level           -1 (default, 6) .. 9
 * @param memLevel        1..9, no effect
 * @param strategy        0..4
 * @param dictionary      a preset dictionary for deflate, inflate and their raw forms
 * @param maxOutputLength the most bytes a decompressor may produce (1 .. 2^32)
 */
public record ZlibOptions(Integer flush, Integer finishFlush, Integer chunkSize, Integer windowBits,
        Integer level, Integer memLevel, Integer strategy, Bytes dictionary, Long maxOutputLength) {

    /** Every option at Node's default. */
    public static final ZlibOptions DEFAULTS = new Builder().build();

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.flush = flush;
        b.finishFlush = finishFlush;
        b.chunkSize = chunkSize;
        b.windowBits = windowBits;
        b.level = level;
        b.memLevel = memLevel;
        b.strategy = strategy;
        b.dictionary = dictionary;
        b.maxOutputLength = maxOutputLength;
        return b;
    }

    /**
     * Options from a JavaScript-like object (JSON, a config file): numbers may be any
     * {@link Number}; NaN means "not given" and a non-number is ERR_INVALID_ARG_TYPE, as in Node.
     * Unknown keys are ignored, as Node ignores them.
     */
    public static ZlibOptions from(Map<String, ?> options) {
        if (options == null) {
            return DEFAULTS;
        }
        Builder b = new Builder();
        b.windowBits = OptionReader.integer(options, "windowBits", null);
        b.level = OptionReader.integer(options, "level", new long[] {ZlibConstants.Z_MIN_LEVEL, ZlibConstants.Z_MAX_LEVEL});
        b.memLevel = OptionReader.integer(options, "memLevel",
                new long[] {ZlibConstants.Z_MIN_MEMLEVEL, ZlibConstants.Z_MAX_MEMLEVEL});
        b.strategy = OptionReader.integer(options, "strategy", new long[] {ZlibConstants.Z_DEFAULT_STRATEGY, ZlibConstants.Z_FIXED});
        b.dictionary = OptionReader.dictionary(options.get("dictionary"));
        b.chunkSize = OptionReader.integer(options, "chunkSize", new long[] {ZlibConstants.Z_MIN_CHUNK});
        b.flush = OptionReader.integer(options, "flush", new long[] {ZlibConstants.Z_NO_FLUSH, ZlibConstants.Z_BLOCK});
        b.finishFlush = OptionReader.integer(options, "finishFlush", new long[] {ZlibConstants.Z_NO_FLUSH, ZlibConstants.Z_BLOCK});
        Integer max = OptionReader.integer(options, "maxOutputLength", new long[] {1, ZlibSettings.NODE_MAX_LENGTH});
        Object rawMax = options.get("maxOutputLength");
        b.maxOutputLength = max == null ? null : ((Number) rawMax).longValue();
        return b.build();
    }

    /** A fluent builder; unset values keep Node's defaults. Not thread-safe. */
    public static final class Builder {
        private Integer flush;
        private Integer finishFlush;
        private Integer chunkSize;
        private Integer windowBits;
        private Integer level;
        private Integer memLevel;
        private Integer strategy;
        private Bytes dictionary;
        private Long maxOutputLength;

        public Builder flush(int value) {
            flush = value;
            return this;
        }

        public Builder finishFlush(int value) {
            finishFlush = value;
            return this;
        }

        public Builder chunkSize(int value) {
            chunkSize = value;
            return this;
        }

        public Builder windowBits(int value) {
            windowBits = value;
            return this;
        }

        public Builder level(int value) {
            level = value;
            return this;
        }

        public Builder memLevel(int value) {
            memLevel = value;
            return this;
        }

        public Builder strategy(int value) {
            strategy = value;
            return this;
        }

        public Builder dictionary(Bytes value) {
            dictionary = value;
            return this;
        }

        public Builder maxOutputLength(long value) {
            maxOutputLength = value;
            return this;
        }

        public ZlibOptions build() {
            return new ZlibOptions(flush, finishFlush, chunkSize, windowBits, level, memLevel, strategy,
                    dictionary, maxOutputLength);
        }
    }
}
