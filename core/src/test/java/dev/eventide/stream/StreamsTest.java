package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
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
}
