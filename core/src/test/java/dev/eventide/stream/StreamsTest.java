package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.NodeError;
import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streams.pipeline / finished, PassThrough and Transform behaviour not covered by the conformance traces. */
class StreamsTest {
    private final List<String> log = new ArrayList<>();

    private WritableStream collector(StringBuilder sink) {
        return new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
            sink.append(chunk);
            cb.call(null);
        }));
    }

    @Test
    void pipelineThroughPassThroughDeliversEverything() {
        StringBuilder sink = new StringBuilder();
        EventLoop.run(() -> Streams.pipeline(ReadableStream.from(List.of("a", "b", "c")), new PassThroughStream(),
                collector(sink), err -> log.add("done:" + err)));
        assertThat(sink.toString()).isEqualTo("abc");
        assertThat(log).containsExactly("done:null");
    }

    @Test
    void destinationClosingEarlyIsPrematureClose() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().objectMode(true).read((self, n) -> { }));
            WritableStream w = new WritableStream(new StreamOptions().objectMode(true).write((c, e, cb) -> cb.call(null)));
            Streams.pipeline(r, w, err -> log.add("done:" + ((NodeError) err).code() + ":" + r.destroyed()));
            Timers.setImmediate(w::destroy);
        });
        assertThat(log).containsExactly("done:ERR_STREAM_PREMATURE_CLOSE:true");
    }

    @Test
    void finishedPromiseRejectsOnDestroyWithError() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().read((self, n) -> { }));
            Streams.finished(r).then(v -> log.add("never"), e -> log.add("rejected:" + e.getMessage()));
            r.on("error", args -> { });
            r.destroy(new RuntimeException("gone"));
        });
        assertThat(log).containsExactly("rejected:gone");
    }

    @Test
    void finishedReportsPrematureCloseForAReadableDestroyedBeforeEnd() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().read((self, n) -> { }));
            Streams.finished(r, err -> log.add(((NodeError) err).code()));
            r.destroy();
        });
        assertThat(log).containsExactly("ERR_STREAM_PREMATURE_CLOSE");
    }

    @Test
    void transformHoldsWriteCallbacksWhileItsReadableSideIsFull() {
        EventLoop.run(() -> {
            TransformStream t = new TransformStream(new StreamOptions().objectMode(true).highWaterMark(1)
                    .transform((self, chunk, enc, cb) -> cb.call(null, chunk)));
            t.write(1, e -> log.add("cb1"));
            t.write(2, e -> log.add("cb2"));
            Timers.setImmediate(() -> {
                log.add("buffered:" + t.readableLength() + ":" + t.writableLength());
                t.read();
            });
        });
        // node 20: buffered:1:2, then cb1 once read() makes room; cb2 stays held.
        assertThat(log).containsExactly("buffered:1:2", "cb1");
    }

    @Test
    void pipelineNeedsTwoStreams() {
        EventLoop.run(() -> {
            try {
                Streams.pipeline(List.of(new PassThroughStream()), err -> { });
            } catch (NodeError e) {
                log.add(e.code());
            }
        });
        assertThat(log).containsExactly("ERR_MISSING_ARGS");
    }

    private static final List<String> SIGNAL_TRACE = List.of(
            "r-destroyed:true", "w-destroyed:true", "r-error:AbortError:ABORT_ERR:stop", "r-close:true",
            "w-error:AbortError:ABORT_ERR:This operation was aborted", "d-error:AbortError:ABORT_ERR:both",
            "d-close", "t-error:AbortError:ABORT_ERR:both", "done-end", "done-close:null",
            "finished-during:AbortError:ABORT_ERR:mid", "g-destroyed:false", "finished-before:AbortError:ABORT_ERR:pre",
            "wrote:a", "pipeline-during:AbortError:ABORT_ERR:cut", "destroyed:true,true",
            "pipeline-before:AbortError:ABORT_ERR:This operation was aborted", "destroyed:true,true");

    private Object show(String tag, Object e) {
        AbortError a = (AbortError) e;
        String cause = a.getCause() == null ? "none" : a.getCause().getMessage();
        log.add(tag + ":" + a.name() + ":" + a.code() + ":" + cause);
        return null;
    }

    @Test
    void signalsDestroyStreamsAndStopFinishedAndPipelineAsInNode() {
        EventLoop.run(() -> {
            constructorScenario();
            Timers.setImmediate(this::finishedAndPipelineScenario);
        });
        assertThat(log).containsExactlyElementsOf(SIGNAL_TRACE);
        NodeScript.assertNodePrints("stream-signal.js", SIGNAL_TRACE);
    }

    private void constructorScenario() {
        AbortController c1 = new AbortController();
        ReadableStream r = Streams.addAbortSignal(c1.signal(), new ReadableStream(new StreamOptions().read((s, n) -> { })));
        r.on("error", a -> show("r-error", a[0]));
        r.on("close", a -> log.add("r-close:" + r.destroyed()));
        c1.abort(new RuntimeException("stop"));
        log.add("r-destroyed:" + r.destroyed());
        WritableStream w = new WritableStream(new StreamOptions().write((ch, e, cb) -> cb.call(null))
                .signal(AbortSignal.abort()));
        log.add("w-destroyed:" + w.destroyed());
        w.on("error", a -> show("w-error", a[0]));
        AbortController c2 = new AbortController();
        DuplexStream d = new DuplexStream(new StreamOptions().read((s, n) -> { })
                .write((ch, e, cb) -> cb.call(null)).signal(c2.signal()));
        d.on("error", a -> show("d-error", a[0]));
        d.on("close", a -> log.add("d-close"));
        TransformStream t = new TransformStream(new StreamOptions()
                .transform((self, ch, e, cb) -> cb.call(null, ch)).signal(c2.signal()));
        t.on("error", a -> show("t-error", a[0]));
        c2.abort(new RuntimeException("both"));
        AbortController c3 = new AbortController();
        ReadableStream done = new ReadableStream(new StreamOptions().read((s, n) -> s.push(null)).signal(c3.signal()));
        done.resume();
        done.on("end", a -> log.add("done-end"));
        done.on("close", a -> {
            c3.abort();
            log.add("done-close:" + done.errored());
        });
    }

    private void finishedAndPipelineScenario() {
        Streams.finished(new PassThroughStream(), AbortSignal.abort(new RuntimeException("pre")),
                e -> show("finished-before", e));
        AbortController c4 = new AbortController();
        PassThroughStream g = new PassThroughStream();
        Streams.finished(g, c4.signal(), e -> {
            show("finished-during", e);
            log.add("g-destroyed:" + g.destroyed());
        });
        c4.abort(new RuntimeException("mid"));
        AbortController c5 = new AbortController();
        ReadableStream src = new ReadableStream(new StreamOptions().read((s, n) -> { }));
        WritableStream dst = new WritableStream(new StreamOptions().write((ch, e, cb) -> {
            log.add("wrote:" + ch);
            cb.call(null);
        }));
        src.push("a");
        Streams.pipeline(List.of(src, dst), c5.signal()).catchError(e -> {
            show("pipeline-during", e);
            log.add("destroyed:" + src.destroyed() + "," + dst.destroyed());
            return null;
        });
        Timers.setImmediate(() -> c5.abort(new RuntimeException("cut")));
        Timers.setTimeout(() -> {
            ReadableStream a = new ReadableStream(new StreamOptions().read((s, n) -> { }));
            PassThroughStream b = new PassThroughStream();
            Streams.pipeline(List.of(a, b), AbortSignal.abort()).catchError(e -> {
                show("pipeline-before", e);
                log.add("destroyed:" + a.destroyed() + "," + b.destroyed());
                return null;
            });
        }, 5);
    }
}
