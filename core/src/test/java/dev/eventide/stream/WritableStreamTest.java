package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WritableStream: chunk types, highWaterMark, ordering (traces recorded from node 20), errors. */
class WritableStreamTest {
    private final List<String> log = new ArrayList<>();

    private WritableStream logging(StreamOptions options) {
        return new WritableStream(options.write((chunk, enc, cb) -> {
            log.add("_write:" + chunk + ":" + enc);
            cb.call(null);
        }));
    }

    @Test
    void stringsBecomeBytesUnlessDecodeStringsIsOff() {
        EventLoop.run(() -> {
            WritableStream w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
                log.add(chunk.getClass().getSimpleName() + ":" + enc);
                cb.call(null);
            }));
            w.write("a");
            WritableStream raw = new WritableStream(new StreamOptions().decodeStrings(false).write((chunk, enc, cb) -> {
                log.add(chunk.getClass().getSimpleName() + ":" + enc);
                cb.call(null);
            }));
            raw.write("b", "latin1", null);
        });
        assertThat(log).containsExactly("Bytes:buffer", "String:latin1");
    }

    @Test
    void defaultHighWaterMarksAreNode22s() {
        EventLoop.run(() -> {
            log.add("" + new WritableStream().writableHighWaterMark());
            log.add("" + new WritableStream(new StreamOptions().objectMode(true)).writableHighWaterMark());
        });
        assertThat(log).containsExactly("65536", "16");
    }

    @Test
    void syncWriteWithoutCallbackLetsFinishComeBeforeALaterTick() {
        // node 20: _write:a, tick-after-write, finish, tick-after-end.
        EventLoop.run(() -> {
            WritableStream w = logging(new StreamOptions());
            w.on("finish", args -> log.add("finish"));
            w.write("a");
            Proc.nextTick(() -> log.add("tick-after-write"));
            w.end();
            Proc.nextTick(() -> log.add("tick-after-end"));
        });
        assertThat(log).containsExactly("_write:a:buffer", "tick-after-write", "finish", "tick-after-end");
    }

    @Test
    void objectModeSyncWritesTakeAnExtraTickAsInNode() {
        // node 20 (its kDestroyed precedence quirk): _write:a:undefined, tick-after-write, tick-after-end, finish.
        EventLoop.run(() -> {
            WritableStream w = logging(new StreamOptions().objectMode(true));
            w.on("finish", args -> log.add("finish"));
            w.write("a");
            Proc.nextTick(() -> log.add("tick-after-write"));
            w.end();
            Proc.nextTick(() -> log.add("tick-after-end"));
        });
        assertThat(log).containsExactly("_write:a:null", "tick-after-write", "tick-after-end", "finish");
    }

    @Test
    void nullChunkIsRejectedSynchronously() {
        EventLoop.run(() -> {
            try {
                new WritableStream(new StreamOptions().write((c, e, cb) -> cb.call(null))).write(null);
            } catch (NodeError e) {
                log.add(e.code());
            }
        });
        assertThat(log).containsExactly("ERR_STREAM_NULL_VALUES");
    }

    @Test
    void secondCallbackIsErrMultipleCallback() {
        EventLoop.run(() -> {
            WritableStream w = new WritableStream(new StreamOptions().write((c, e, cb) -> {
                cb.call(null);
                cb.call(null);
            }));
            w.on("error", args -> log.add(((NodeError) args[0]).code()));
            w.write(Bytes.from("x"));
        });
        assertThat(log).containsExactly("ERR_MULTIPLE_CALLBACK");
    }

    @Test
    void destroyWithoutErrorEmitsOnlyClose() {
        EventLoop.run(() -> {
            WritableStream w = logging(new StreamOptions());
            w.on("close", args -> log.add("close:" + w.closed()));
            w.on("error", args -> log.add("never"));
            w.destroy();
            log.add("destroyed:" + w.destroyed() + ":writable:" + w.writable());
        });
        assertThat(log).containsExactly("destroyed:true:writable:false", "close:true");
    }

    @Test
    void endAfterFinishReportsAlreadyFinished() {
        EventLoop.run(() -> {
            WritableStream w = logging(new StreamOptions());
            w.end(err -> {
                log.add("first:" + err);
                Proc.nextTick(() -> w.end(e -> log.add("second:" + ((NodeError) e).code())));
            });
        });
        assertThat(log).containsExactly("first:null", "second:ERR_STREAM_ALREADY_FINISHED");
    }
}
