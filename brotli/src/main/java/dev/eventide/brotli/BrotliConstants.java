package dev.eventide.brotli;

/**
 * Node's {@code zlib.constants.BROTLI_*} values (libbrotli's own numbers). Immutable.
 */
public final class BrotliConstants {
    private BrotliConstants() {}

    // Operations, for the flush and finishFlush options and flush(kind).
    public static final int BROTLI_OPERATION_PROCESS = 0;
    public static final int BROTLI_OPERATION_FLUSH = 1;
    public static final int BROTLI_OPERATION_FINISH = 2;
    public static final int BROTLI_OPERATION_EMIT_METADATA = 3;

    // Encoder parameters (keys of BrotliOptions.param) and their ranges and defaults.
    public static final int BROTLI_PARAM_MODE = 0;
    public static final int BROTLI_MODE_GENERIC = 0;
    public static final int BROTLI_MODE_TEXT = 1;
    public static final int BROTLI_MODE_FONT = 2;
    public static final int BROTLI_DEFAULT_MODE = 0;
    public static final int BROTLI_PARAM_QUALITY = 1;
    public static final int BROTLI_MIN_QUALITY = 0;
    public static final int BROTLI_MAX_QUALITY = 11;
    public static final int BROTLI_DEFAULT_QUALITY = 11;
    public static final int BROTLI_PARAM_LGWIN = 2;
    public static final int BROTLI_MIN_WINDOW_BITS = 10;
    public static final int BROTLI_MAX_WINDOW_BITS = 24;
    public static final int BROTLI_LARGE_MAX_WINDOW_BITS = 30;
    public static final int BROTLI_DEFAULT_WINDOW = 22;
    public static final int BROTLI_PARAM_LGBLOCK = 3;
    public static final int BROTLI_MIN_INPUT_BLOCK_BITS = 16;
    public static final int BROTLI_MAX_INPUT_BLOCK_BITS = 24;
    public static final int BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING = 4;
    public static final int BROTLI_PARAM_SIZE_HINT = 5;
    public static final int BROTLI_PARAM_LARGE_WINDOW = 6;
    public static final int BROTLI_PARAM_NPOSTFIX = 7;
    public static final int BROTLI_PARAM_NDIRECT = 8;

    // Decoder parameters.
    public static final int BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION = 0;
    public static final int BROTLI_DECODER_PARAM_LARGE_WINDOW = 1;

    // Decoder results.
    public static final int BROTLI_DECODER_RESULT_ERROR = 0;
    public static final int BROTLI_DECODER_RESULT_SUCCESS = 1;
    public static final int BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT = 2;
    public static final int BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT = 3;

    /** The highest parameter key Node accepts for either direction (its kMaxBrotliParam). */
    static final int MAX_PARAM = 8;
}
