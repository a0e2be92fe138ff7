package dev.eventide.zlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.stream.StreamBase;
import dev.eventide.stream.Streams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The zlib Transform streams on a real loop: event sequences against Node's for good, corrupt,
 * truncated and trailing input; flush, params, reset, close; pipe and pipeline round trips; the
 * Promise forms; maxOutputLength on a stream.
 */
class ZlibTransformTest {
    private static final Bytes TEXT = Bytes.alloc(100_000, "abcdefghij0123456789 the quick brown fox ");

    @Test
    void eventSequencesMatchNode() throws Exception {
        Bytes gz = Zlib.gzipSync(TEXT);
        String js = "const z = require('zlib');\nconst gz = Buffer.from('" + NodeOracle.hex(gz.toByteArray()) + "', 'hex');\n"
                + "function run(make, chunks, done) {\n"
                + "  const s = make(); const log = [];\n"
                + "  for (const ev of ['end', 'finish', 'close', 'prefinish']) s.on(ev, () => log.push(ev));\n"
                + "  s.on('data', d => log.push('data ' + d.length));\n"
                + "  s.on('error', e => log.push('error ' + e.code + ' ' + e.errno + ' ' + e.message));\n"
                + "  s.on('close', () => { console.log(log.join(', ')); done(); });\n"
                + "  for (const c of chunks) s.write(c);\n  s.end();\n}\n"
                + "run(() => z.createGunzip(), [gz.subarray(0, 100), gz.subarray(100)], () =>\n"
                + "run(() => z.createGunzip(), [Buffer.from('not gzip at all')], () =>\n"
                + "run(() => z.createGunzip(), [gz.subarray(0, gz.length - 3)], () =>\n"
                + "run(() => z.createGunzip({chunkSize: 1000}), [gz], () =>\n"
                + "run(() => z.createGunzip(), [gz, Buffer.from('zzz')], () =>\n"
                + "run(() => z.createGunzip({finishFlush: 2}), [gz.subarray(0, 100)], () => {}))))));\n";
        List<String> node = NodeOracle.run(js);
        List<String> ours = new ArrayList<>();
        EventLoop.run(() -> runAll(ours, List.of(
                new Scenario(Zlib::createGunzip, List.of(gz.subarray(0, 100), gz.subarray(100))),
                new Scenario(Zlib::createGunzip, List.of(Bytes.from("not gzip at all"))),
                new Scenario(Zlib::createGunzip, List.of(gz.subarray(0, gz.length() - 3))),
                new Scenario(() -> Zlib.createGunzip(ZlibOptions.builder().chunkSize(1000).build()), List.of(gz)),
                new Scenario(Zlib::createGunzip, List.of(gz, Bytes.from("zzz"))),
                new Scenario(() -> Zlib.createGunzip(ZlibOptions.builder().finishFlush(2).build()),
                        List.of(gz.subarray(0, 100))))));
        assertThat(ours).containsExactlyElementsOf(node);
    }

    private record Scenario(Supplier<ZlibTransform> make, List<Bytes> chunks) {}

    /** Runs the scenarios one after another (each starts when the previous one closed). */
    private static void runAll(List<String> out, List<Scenario> scenarios) {
        if (scenarios.isEmpty()) {
            return;
        }
        Scenario sc = scenarios.get(0);
        ZlibTransform s = sc.make.get();
        List<String> log = new ArrayList<>();
        for (String ev : List.of("end", "finish", "close", "prefinish")) {
            s.on(ev, args -> log.add(ev));
        }
        s.on("data", args -> log.add("data " + ((Bytes) args[0]).length()));
        s.on("error", args -> {
            ZlibError e = (ZlibError) args[0];
            log.add("error " + e.code() + " " + e.errno() + " " + e.getMessage());
        });
        s.on("close", args -> {
            out.add(String.join(", ", log));
            runAll(out, scenarios.subList(1, scenarios.size()));
        });
        for (Bytes c : sc.chunks) {
            s.write(c);
        }
        s.end();
    }

    @Test
    void pipelineRoundTripsThroughEveryPair() {
        List<String> results = new ArrayList<>();
        Bytes text = Bytes.from(TestData.mixedText(300_000, 5));
        EventLoop.run(() -> {
            ZlibMode[][] pairs = {{ZlibMode.GZIP, ZlibMode.GUNZIP}, {ZlibMode.DEFLATE, ZlibMode.INFLATE},
                {ZlibMode.DEFLATERAW, ZlibMode.INFLATERAW}, {ZlibMode.GZIP, ZlibMode.UNZIP}};
            for (ZlibMode[] pair : pairs) {
                List<Bytes> parts = new ArrayList<>();
                List<Bytes> input = new ArrayList<>();
                for (int at = 0; at < text.length(); at += 7_000) {
                    input.add(text.subarray(at, Math.min(text.length(), at + 7_000)));
                }
                ZlibTransform back = new ZlibTransform(pair[1], null);
                back.on("data", args -> parts.add((Bytes) args[0]));
                Streams.pipeline(List.<StreamBase>of(dev.eventide.stream.ReadableStream.from(input),
                        new ZlibTransform(pair[0], null), back), err -> results.add(pair[0] + " " + err + " "
                        + Bytes.concat(parts).equals(text)));
            }
        });
        assertThat(results).containsExactlyInAnyOrder("GZIP null true", "DEFLATE null true", "DEFLATERAW null true",
                "GZIP null true");
    }

    @Test
    void flushPushesEverythingWrittenSoFar() {
        List<String> log = new ArrayList<>();
        EventLoop.run(() -> {
            ZlibTransform gzip = Zlib.createGzip();
            List<Bytes> parts = new ArrayList<>();
            gzip.on("data", args -> parts.add((Bytes) args[0]));
            gzip.write(Bytes.from("hello "));
            gzip.flush(err -> {
                Bytes soFar = Bytes.concat(parts);
                log.add("flushed: " + Zlib.inflateRawSync(soFar.subarray(10),
                        ZlibOptions.builder().finishFlush(ZlibConstants.Z_SYNC_FLUSH).build()));
                gzip.on("end", args -> log.add("ended: " + Zlib.gunzipSync(Bytes.concat(parts)) + " " + gzip.bytesWritten()));
                gzip.end(Bytes.from("world"));
            });
        });
        assertThat(log).containsExactly("flushed: hello ", "ended: hello world 11");
    }

    @Test
    void paramsAndResetApplyToTheDataWrittenNext() {
        List<String> log = new ArrayList<>();
        Bytes text = Bytes.from(TestData.mixedText(60_000, 9));
        EventLoop.run(() -> {
            ZlibTransform deflate = Zlib.createDeflate(ZlibOptions.builder().level(0).build());
            List<Bytes> parts = new ArrayList<>();
            deflate.on("data", args -> parts.add((Bytes) args[0]));
            deflate.write(text.subarray(0, 30_000));
            deflate.params(9, 0, () -> {
                log.add("stored " + (Bytes.concat(parts).length() > 30_000));
                deflate.end(text.subarray(30_000));
            });
            deflate.on("end", args -> {
                Bytes all = Bytes.concat(parts);
                log.add("total " + (all.length() < 45_000) + " " + Zlib.inflateSync(all).equals(text));
            });
        });
        assertThat(log).containsExactly("stored true", "total true true");
    }

    @Test
    void closeDestroysAndCallsBackOnce() {
        List<String> log = new ArrayList<>();
        EventLoop.run(() -> {
            ZlibTransform inflate = Zlib.createInflate();
            inflate.on("close", args -> log.add("close"));
            inflate.write(Zlib.deflateSync("partial"));
            inflate.close(err -> log.add("callback " + (err == null ? "null" : err.getMessage())));
        });
        assertThat(log).contains("close");
        assertThat(log.stream().filter(l -> l.startsWith("callback")).count()).isEqualTo(1);
    }

    @Test
    void aStreamStopsAtAGivenMaxOutputLength() {
        List<String> log = new ArrayList<>();
        Bytes zeros = Zlib.gzipSync(Bytes.alloc(10_000_000));
        EventLoop.run(() -> {
            ZlibTransform gunzip = Zlib.createGunzip(ZlibOptions.builder().maxOutputLength(1_000_000).build());
            long[] seen = {0};
            gunzip.on("data", args -> seen[0] += ((Bytes) args[0]).length());
            gunzip.on("error", args -> log.add(((dev.eventide.errors.NodeError) args[0]).code() + " "
                    + ((Throwable) args[0]).getMessage() + " after " + (seen[0] <= 1_000_000)));
            gunzip.end(zeros);
        });
        assertThat(log).containsExactly("ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 1000000 bytes after true");
    }

    @Test
    void promiseFormsSettleOnTheLoop() {
        List<String> log = new ArrayList<>();
        EventLoop.run(() -> {
            Thread loopThread = Thread.currentThread();
            Zlib.gzip("promised").thenCompose(Zlib::gunzip).then(b -> {
                log.add(b.toString() + " " + (Thread.currentThread() == loopThread));
                return null;
            });
            Zlib.inflate(Bytes.from("junk")).catchError(e -> {
                log.add("rejected " + ((ZlibError) e).code() + " " + e.getMessage());
                return null;
            });
            Zlib.unzip(Bytes.alloc(1), ZlibOptions.builder().level(12).build()).catchError(e -> {
                log.add("options " + e.getMessage());
                return null;
            });
        });
        assertThat(log).containsExactlyInAnyOrder("promised true", "rejected Z_DATA_ERROR incorrect header check",
                "options The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received 12");
    }
}
