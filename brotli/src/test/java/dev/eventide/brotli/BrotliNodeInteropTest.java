package dev.eventide.brotli;

import static dev.eventide.brotli.BrotliConstants.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with node's zlib both ways: node's brotliDecompressSync reads what our
 * streams and buffer forms write, and we read what node's brotliCompressSync and its streams
 * write, at several parameter sets. Skipped when node is absent.
 */
class BrotliNodeInteropTest {
    private static final Bytes TEXT = Bytes.wrap(TestText.make(800_000, 11));

    @Test
    void nodeDecompressesWhatWeCompressAtEveryQualityAndWindow() throws Exception {
        NodeOracle.assumeNode();
        List<Bytes> frames = new ArrayList<>();
        for (int q : new int[] {0, 1, 5, 9, 11}) {
            for (int lgwin : new int[] {10, 18, 24}) {
                frames.add(Brotli.brotliCompressSync(TEXT, BrotliOptions.builder().param(BROTLI_PARAM_QUALITY, q)
                        .param(BROTLI_PARAM_LGWIN, lgwin).param(BROTLI_PARAM_MODE, q % 3).build()));
            }
        }
        // Each frame is sent with a 4-byte length before it; node answers one line per frame.
        List<Bytes> framed = new ArrayList<>();
        for (Bytes f : frames) {
            Bytes len = Bytes.alloc(4);
            len.writeUInt32BE(f.length(), 0);
            framed.add(len);
            framed.add(f);
        }
        String js = """
                const z = require('zlib'); const all = require('fs').readFileSync(0); let at = 0; const out = [];
                while (at < all.length) { const n = all.readUInt32BE(at); const f = all.subarray(at + 4, at + 4 + n); at += 4 + n;
                  const t = z.brotliDecompressSync(f); out.push(t.length + ' ' + require('crypto').createHash('sha256').update(t).digest('hex')); }
                console.log(out.join('\\n'));
                """;
        String expected = TEXT.length() + " " + sha256(TEXT);
        List<String> lines = NodeOracle.text(js, Bytes.concat(framed).toByteArray()).lines().toList();
        assertThat(lines).hasSize(frames.size()).containsOnly(expected);
    }

    @Test
    void weDecompressWhatNodesSyncFormAndStreamsWrite() throws Exception {
        String js = """
                const z = require('zlib'); const c = z.constants; const text = require('fs').readFileSync(0);
                const frames = [];
                for (const q of [0, 4, 11]) frames.push(z.brotliCompressSync(text, { params: { [c.BROTLI_PARAM_QUALITY]: q,
                  [c.BROTLI_PARAM_SIZE_HINT]: text.length } }));
                const s = z.createBrotliCompress({ params: { [c.BROTLI_PARAM_QUALITY]: 6, [c.BROTLI_PARAM_LGWIN]: 16 } });
                const parts = []; s.on('data', (d) => parts.push(d));
                s.on('end', () => { frames.push(Buffer.concat(parts));
                  for (const f of frames) { const len = Buffer.alloc(4); len.writeUInt32BE(f.length); process.stdout.write(len); process.stdout.write(f); } });
                for (let i = 0; i < text.length; i += 7000) { s.write(text.subarray(i, i + 7000)); if (i % 70000 === 0) s.flush(); }
                s.end();
                """;
        Bytes all = Bytes.wrap(NodeOracle.run(js, TEXT.toByteArray()));
        int at = 0;
        int frames = 0;
        while (at < all.length()) {
            int n = (int) all.readUInt32BE(at);
            Bytes frame = all.subarray(at + 4, at + 4 + n);
            at += 4 + n;
            assertThat(Brotli.brotliDecompressSync(frame)).as("frame " + frames).isEqualTo(TEXT);
            frames++;
        }
        assertThat(frames).isEqualTo(4);
    }

    private static String sha256(Bytes b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));
    }
}
