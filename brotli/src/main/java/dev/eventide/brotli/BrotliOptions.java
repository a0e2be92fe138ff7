package dev.eventide.brotli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of Node's Brotli constructors and buffer forms: {@code params} (libbrotli
 * parameters by key, see {@link BrotliConstants}), {@code flush}, {@code finishFlush},
 * {@code chunkSize} and {@code maxOutputLength}. Values are checked when a stream or codec is
 * made, as Node's constructor checks them. Immutable.
 *
 * <pre>{@code
 * BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 4).param(BROTLI_PARAM_SIZE_HINT, size).build()
 * }</pre>
 *
 * @param params          key to value as given (keys Integer or String, values Number or Boolean)
 * @param flush           the operation applied to each write (default BROTLI_OPERATION_PROCESS)
 * @param finishFlush     the operation applied at the end (default BROTLI_OPERATION_FINISH)
 * @param chunkSize       the size of output chunks (default 16 KiB, at least 64)
 * @param maxOutputLength the most bytes a buffer form (or, when given, a stream) may produce
 */
public record BrotliOptions(Map<Object, Object> params, Integer flush, Integer finishFlush, Integer chunkSize,
        Long maxOutputLength) {

    /** Every option at Node's default. */
    public static final BrotliOptions DEFAULTS = new Builder().build();

    public BrotliOptions {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fluent builder; unset values keep Node's defaults. Not thread-safe. */
    public static final class Builder {
        private final Map<Object, Object> params = new LinkedHashMap<>();
        private Integer flush;
        private Integer finishFlush;
        private Integer chunkSize;
        private Long maxOutputLength;

        private Builder() {}

        /** One libbrotli parameter, e.g. {@code param(BROTLI_PARAM_QUALITY, 4)}. */
        public Builder param(int key, long value) {
            params.put(key, value);
            return this;
        }

        /** Node's {@code params} object as it may come from JSON: keys and values as given. */
        public Builder params(Map<?, ?> values) {
            params.putAll(values);
            return this;
        }

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

        public Builder maxOutputLength(long value) {
            maxOutputLength = value;
            return this;
        }

        public BrotliOptions build() {
            return new BrotliOptions(params, flush, finishFlush, chunkSize, maxOutputLength);
        }
    }
}
