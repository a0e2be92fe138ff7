package dev.eventide.brotli;

import static dev.eventide.brotli.BrotliConstants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.zlib.ZlibError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The buffer forms (Sync and Promise), option checks and error codes, compared with node 20's
 * zlib where node is installed (that part is skipped without it).
 */
class BrotliTest {
    private static final Bytes TEXT = Bytes.wrap(TestText.make(300_000, 7));

    @Test
    void theLibraryLoadsAndIsTheVersionNode20Bundles() throws Exception {
        assertThat(Brotli.isAvailable()).isTrue();
        assertThat(Brotli.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(NodeOracle.text("process.stdout.write(process.versions.brotli)", null)).isEqualTo(Brotli.version());
    }

    @Test
    void compressSyncRoundTripsAndHasNodesLengthAndHashForEachParameterSet() throws Exception {
        List<BrotliOptions> sets = List.of(BrotliOptions.DEFAULTS,
                BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 0).build(),
                BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 4).param(BROTLI_PARAM_LGWIN, 10).build(),
                BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 12).build(), // clamped to 11 by libbrotli
                BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, 9).param(BROTLI_PARAM_LGWIN, 24)
                        .param(BROTLI_PARAM_MODE, BROTLI_MODE_TEXT).param(BROTLI_PARAM_SIZE_HINT, TEXT.length()).build());
        List<String> ours = new ArrayList<>();
        for (BrotliOptions o : sets) {
            Bytes packed = Brotli.brotliCompressSync(TEXT, o);
            assertThat(Brotli.brotliDecompressSync(packed)).isEqualTo(TEXT);
            ours.add(packed.length() + " " + Integer.toHexString(java.util.Arrays.hashCode(packed.toByteArray())));
        }
        assertThat(ours.get(3)).isEqualTo(ours.get(0));
        String js = """
                const z = require('zlib'); const c = z.constants;
                const text = require('fs').readFileSync(0);
                const sets = [{}, {[c.BROTLI_PARAM_QUALITY]: 0}, {[c.BROTLI_PARAM_QUALITY]: 4, [c.BROTLI_PARAM_LGWIN]: 10},
                  {[c.BROTLI_PARAM_QUALITY]: 12}, {[c.BROTLI_PARAM_QUALITY]: 9, [c.BROTLI_PARAM_LGWIN]: 24,
                  [c.BROTLI_PARAM_MODE]: c.BROTLI_MODE_TEXT, [c.BROTLI_PARAM_SIZE_HINT]: text.length}];
                const hash = (b) => { let h = 1; for (const x of b) h = (Math.imul(31, h) + ((x << 24) >> 24)) | 0; return (h >>> 0).toString(16); };
                for (const params of sets) { const p = z.brotliCompressSync(text, { params }); console.log(p.length + ' ' + hash(p)); }
                """;
        assertThat(NodeOracle.text(js, TEXT.toByteArray()).lines().toList()).isEqualTo(ours);
    }

    @Test
    void corruptAndTruncatedInputFailsWithNodesCodeErrnoAndMessage() throws Exception {
        Bytes good = Brotli.brotliCompressSync(TEXT.subarray(0, 6200));
        Bytes flipLast = Bytes.from(good);
        flipLast.set(flipLast.length() - 1, flipLast.get(flipLast.length() - 1) ^ 0xff);
        List<Bytes> inputs = List.of(Bytes.alloc(0), good.subarray(0, good.length() - 3), Bytes.alloc(16),
                Bytes.alloc(16, 0xff), Bytes.from("this is not brotli at all"), flipLast, Bytes.of(0x81, 0x00),
                Bytes.concat(good, Bytes.from("xx")), Bytes.of(6));
        StringBuilder ours = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        for (Bytes in : inputs) {
            try {
                int length = Brotli.brotliDecompressSync(in).length();
                ours.append("ok ").append(length).append('\n');
            } catch (ZlibError e) {
                ours.append(e.code()).append(' ').append(e.errno()).append(' ').append(e.getMessage()).append('\n');
            }
            hex.append(in.toString("hex")).append('\n');
        }
        assertThat(ours.toString()).contains("Z_BUF_ERROR -5 unexpected end of file",
                "ERR__ERROR_FORMAT_CL_SPACE -6 Decompression failed", "ERR__ERROR_FORMAT_PADDING_2 -15",
                "ERR__ERROR_FORMAT_PADDING_1 -14", "ok 6200", "ok 0");
        String js = """
                const z = require('zlib');
                for (const h of require('fs').readFileSync(0, 'utf8').split('\\n').slice(0, -1)) {
                  try { console.log('ok ' + z.brotliDecompressSync(Buffer.from(h, 'hex')).length); }
                  catch (e) { console.log(e.code + ' ' + e.errno + ' ' + e.message); }
                }
                """;
        assertThat(NodeOracle.text(js, hex.toString().getBytes())).isEqualTo(ours.toString());
    }

    @Test
    void maxOutputLengthStopsDecompressionWithErrBufferTooLarge() {
        Bytes packed = Brotli.brotliCompressSync(TEXT);
        BrotliOptions max = BrotliOptions.builder().maxOutputLength(100).build();
        assertThatThrownBy(() -> Brotli.brotliDecompressSync(packed, max)).isInstanceOf(NodeError.class)
                .hasMessage("Cannot create a Buffer larger than 100 bytes")
                .extracting(t -> ((NodeError) t).code()).isEqualTo("ERR_BUFFER_TOO_LARGE");
        BrotliOptions exact = BrotliOptions.builder().maxOutputLength(TEXT.length()).build();
        assertThat(Brotli.brotliDecompressSync(packed, exact)).isEqualTo(TEXT);
    }

    @Test
    void optionsAreCheckedWithNodesCodesAndMessages() {
        assertError(() -> Brotli.createBrotliCompress(BrotliOptions.builder().chunkSize(10).build()), "ERR_OUT_OF_RANGE",
                "The value of \"options.chunkSize\" is out of range. It must be >= 64. Received 10");
        assertError(() -> Brotli.brotliCompressSync(TEXT, BrotliOptions.builder().flush(9).build()), "ERR_OUT_OF_RANGE",
                "The value of \"options.flush\" is out of range. It must be >= 0 and <= 3. Received 9");
        assertError(() -> Brotli.brotliDecompressSync(TEXT, BrotliOptions.builder().maxOutputLength(0).build()),
                "ERR_OUT_OF_RANGE",
                "The value of \"options.maxOutputLength\" is out of range. It must be >= 1 and <= 4294967296. Received 0");
        assertError(() -> BrotliCodec.encoder(BrotliOptions.builder().param(99, 1).build()), "ERR_BROTLI_INVALID_PARAM",
                "99 is not a valid Brotli parameter");
        assertError(() -> BrotliCodec.encoder(BrotliOptions.builder().params(Map.of("x", 1)).build()),
                "ERR_BROTLI_INVALID_PARAM", "x is not a valid Brotli parameter");
        assertError(() -> BrotliCodec.encoder(BrotliOptions.builder().params(Map.of("1", "4")).build()),
                "ERR_INVALID_ARG_TYPE",
                "The \"options.params[key]\" property must be of type number. Received type string ('4')");
        assertError(() -> BrotliCodec.decoder(BrotliOptions.builder().param(BROTLI_PARAM_LGWIN, 1).build()),
                "ERR_ZLIB_INITIALIZATION_FAILED", "Initialization failed");
        // As in Node: string keys, booleans and out-of-range values are accepted (libbrotli clamps).
        try (BrotliCodec c = BrotliCodec.encoder(BrotliOptions.builder()
                .params(Map.of("1", -1, 2, true, BROTLI_PARAM_LARGE_WINDOW, false)).build())) {
            assertThat(c.compresses()).isTrue();
        }
    }

    private static void assertError(Runnable r, String code, String message) {
        assertThatThrownBy(r::run).isInstanceOf(NodeError.class).hasMessage(message)
                .extracting(t -> ((NodeError) t).code()).isEqualTo(code);
    }

    @Test
    void promiseFormsWorkOnThePoolAndSettleOnTheLoopThread() {
        List<String> trace = new ArrayList<>();
        EventLoop.run(() -> {
            Thread loop = Thread.currentThread();
            Brotli.brotliCompress(TEXT).thenCompose(packed -> {
                trace.add("compressed on loop " + (Thread.currentThread() == loop));
                return Brotli.brotliDecompress(packed);
            }).thenCompose(out -> {
                trace.add("round trip " + out.equals(TEXT));
                return Brotli.brotliDecompress(Bytes.alloc(16));
            }).catchError(err -> {
                trace.add("rejected " + ((NodeError) err).code());
                return null;
            }).thenCompose(v -> Brotli.brotliDecompress(Brotli.brotliCompressSync(TEXT),
                    BrotliOptions.builder().maxOutputLength(1000).build()))
                    .catchError(err -> {
                        trace.add("limited " + ((NodeError) err).code());
                        return null;
                    });
            Brotli.brotliCompress(42).catchError(err -> {
                trace.add("bad data " + ((NodeError) err).code());
                return null;
            });
        });
        assertThat(trace).containsExactly("bad data ERR_INVALID_ARG_TYPE", "compressed on loop true", "round trip true",
                "rejected ERR__ERROR_FORMAT_CL_SPACE", "limited ERR_BUFFER_TOO_LARGE");
    }
}
