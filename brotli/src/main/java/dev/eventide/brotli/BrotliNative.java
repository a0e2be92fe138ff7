package dev.eventide.brotli;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libbrotli C functions this module calls, bound once through java.lang.foreign. brotli4j
 * extracts and loads the platform's library ({@link Brotli4jLoader}); its symbols are then found
 * through this class loader's lookup. Immutable after class initialisation; any thread.
 *
 * <p>Why not brotli4j's JNI wrappers: they report a failed decode as a bare ERROR status, while
 * Node reports which one ({@code ERR__ERROR_FORMAT_PADDING_1}, errno -14, from
 * BrotliDecoderGetErrorCode), and they do not expose BROTLI_PARAM_SIZE_HINT, LGBLOCK and the
 * other parameters Node passes to BrotliEncoderSetParameter. The C API gives both, unchanged.
 */
final class BrotliNative {
    static final MethodHandle ENCODER_CREATE;
    static final MethodHandle ENCODER_SET_PARAMETER;
    static final MethodHandle ENCODER_COMPRESS_STREAM;
    static final MethodHandle ENCODER_IS_FINISHED;
    static final MethodHandle ENCODER_HAS_MORE_OUTPUT;
    static final MethodHandle ENCODER_DESTROY;
    static final MethodHandle DECODER_CREATE;
    static final MethodHandle DECODER_SET_PARAMETER;
    static final MethodHandle DECODER_DECOMPRESS_STREAM;
    static final MethodHandle DECODER_GET_ERROR_CODE;
    static final MethodHandle DECODER_ERROR_STRING;
    static final MethodHandle DECODER_DESTROY;
    static final MethodHandle DECODER_VERSION;
    /** Why the library could not be loaded, or null when it was. */
    static final Throwable FAILURE;

    private BrotliNative() {}

    static {
        MethodHandle[] h = new MethodHandle[13];
        Throwable failure = null;
        try {
            Brotli4jLoader.ensureAvailability();
            bind(h);
        } catch (Throwable t) {
            failure = t;
        }
        FAILURE = failure;
        ENCODER_CREATE = h[0];
        ENCODER_SET_PARAMETER = h[1];
        ENCODER_COMPRESS_STREAM = h[2];
        ENCODER_IS_FINISHED = h[3];
        ENCODER_HAS_MORE_OUTPUT = h[4];
        ENCODER_DESTROY = h[5];
        DECODER_CREATE = h[6];
        DECODER_SET_PARAMETER = h[7];
        DECODER_DECOMPRESS_STREAM = h[8];
        DECODER_GET_ERROR_CODE = h[9];
        DECODER_ERROR_STRING = h[10];
        DECODER_DESTROY = h[11];
        DECODER_VERSION = h[12];
    }

    private static void bind(MethodHandle[] h) {
        SymbolLookup lib = SymbolLookup.loaderLookup();
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor create = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        FunctionDescriptor setParameter = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
        FunctionDescriptor stateToInt = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        FunctionDescriptor destroy = FunctionDescriptor.ofVoid(ADDRESS);
        h[0] = handle(linker, lib, "BrotliEncoderCreateInstance", create);
        h[1] = handle(linker, lib, "BrotliEncoderSetParameter", setParameter);
        // (state, op, size_t* available_in, const uint8_t** next_in, size_t* available_out,
        //  uint8_t** next_out, size_t* total_out)
        h[2] = handle(linker, lib, "BrotliEncoderCompressStream",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        h[3] = handle(linker, lib, "BrotliEncoderIsFinished", stateToInt);
        h[4] = handle(linker, lib, "BrotliEncoderHasMoreOutput", stateToInt);
        h[5] = handle(linker, lib, "BrotliEncoderDestroyInstance", destroy);
        h[6] = handle(linker, lib, "BrotliDecoderCreateInstance", create);
        h[7] = handle(linker, lib, "BrotliDecoderSetParameter", setParameter);
        h[8] = handle(linker, lib, "BrotliDecoderDecompressStream",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        h[9] = handle(linker, lib, "BrotliDecoderGetErrorCode", stateToInt);
        h[10] = handle(linker, lib, "BrotliDecoderErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        h[11] = handle(linker, lib, "BrotliDecoderDestroyInstance", destroy);
        h[12] = handle(linker, lib, "BrotliDecoderVersion", FunctionDescriptor.of(JAVA_INT));
    }

    // Restricted by design: binding C functions is what this class is for (see README.md).
    @SuppressWarnings("restricted")
    private static MethodHandle handle(Linker linker, SymbolLookup lib, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lib.find(name).orElseThrow(
                () -> new UnsatisfiedLinkError(name + " not found in the library brotli4j loaded"));
        return linker.downcallHandle(symbol, fd);
    }

    /** Throws ERR_BROTLI_UNAVAILABLE (with the cause) when libbrotli could not be loaded here. */
    static void requireAvailable() {
        if (FAILURE != null) {
            throw BrotliErrors.unavailable(FAILURE);
        }
    }

    /** libbrotli's decoder name for an error code, e.g. "_ERROR_FORMAT_PADDING_1". */
    @SuppressWarnings("restricted") // a C string of libbrotli's static table, well under 128 bytes
    static String errorString(int code) {
        try {
            MemorySegment s = (MemorySegment) DECODER_ERROR_STRING.invokeExact(code);
            return s.reinterpret(128).getString(0);
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }

    /** The library's version as "major.minor.patch" (Node's process.versions.brotli). */
    static String version() {
        requireAvailable();
        try {
            int v = (int) DECODER_VERSION.invokeExact();
            return (v >>> 24) + "." + ((v >>> 12) & 0xFFF) + "." + (v & 0xFFF);
        } catch (Throwable t) {
            throw BrotliErrors.rethrow(t);
        }
    }
}
