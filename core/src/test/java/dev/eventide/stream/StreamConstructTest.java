package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * _construct: writes buffered until it calls back, reads and _final held back, an error in its
 * callback, and destroy() during construction; the trace is node's (construct.js).
 */
class StreamConstructTest {
    private final List<String> log = new ArrayList<>();

    private static final List<String> NODE_TRACE = List.of(
            "w1:true", "construct", "tick", "constructed", "write:a", "write:b", "final", "cb-b", "end-cb",
            "finish", "close",
            "r-construct", "read", "read", "read", "data:x0", "data:x1", "end", "r-close",
            "z-cb:boom", "error:boom", "bad-close",
            "d-destroyed:true", "d-construct", "d-cb", "d-destroy:null", "d-close");

    @Test
    void constructHoldsBackWritesReadsFinalAndDestroyAsNodeDoes() {
        EventLoop.run(() -> {
            writableScenario();
        });
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("construct.js", NODE_TRACE);
    }

    private void writableScenario() {
        WritableStream w = new WritableStream() {
            @Override
            protected void _construct(StreamCallback cb) {
                log.add("construct");
                Timers.setImmediate(() -> {
                    log.add("constructed");
                    cb.call(null);
                });
            }

            @Override
            protected void _write(Object c, String e, StreamCallback cb) {
                log.add("write:" + c);
                cb.call(null);
            }

            @Override
            protected void _final(StreamCallback cb) {
                log.add("final");
                cb.call(null);
            }
        };
        log.add("w1:" + w.write("a"));
        w.write("b", err -> log.add("cb-b"));
        w.end(err -> log.add("end-cb"));
        w.on("finish", args -> log.add("finish"));
        w.on("close", args -> {
            log.add("close");
            Timers.setImmediate(this::readableScenario);
        });
        EventLoop.current().nextTick(() -> log.add("tick"));
    }

    private void readableScenario() {
        int[] n = {0};
        ReadableStream r = new ReadableStream(new StreamOptions().objectMode(true)) {
            @Override
            protected void _construct(StreamCallback cb) {
                log.add("r-construct");
                Timers.setTimeout(() -> cb.call(null), 1);
            }

            @Override
            protected void _read(int size) {
                log.add("read");
                push(n[0] < 2 ? "x" + n[0]++ : null);
            }
        };
        r.on("data", args -> log.add("data:" + args[0]));
        r.on("end", args -> log.add("end"));
        r.on("close", args -> {
            log.add("r-close");
            Timers.setImmediate(this::failingScenario);
        });
    }

    private void failingScenario() {
        WritableStream bad = new WritableStream(new StreamOptions()
                .construct(cb -> cb.call(new IllegalStateException("boom")))
                .write((c, e, cb) -> {
                    log.add("never");
                    cb.call(null);
                }));
        bad.write("z", err -> log.add("z-cb:" + (err == null ? null : err.getMessage())));
        bad.on("error", args -> log.add("error:" + ((Throwable) args[0]).getMessage()));
        bad.on("close", args -> {
            log.add("bad-close");
            Timers.setImmediate(this::destroyScenario);
        });
    }

    private void destroyScenario() {
        WritableStream d = new WritableStream(new StreamOptions()
                .construct(cb -> {
                    log.add("d-construct");
                    Timers.setImmediate(() -> {
                        log.add("d-cb");
                        cb.call(null);
                    });
                })
                .write((c, e, cb) -> {
                    log.add("never");
                    cb.call(null);
                })
                .destroy((err, cb) -> {
                    log.add("d-destroy:" + err);
                    cb.call(err);
                }));
        d.on("close", args -> log.add("d-close"));
        d.destroy();
        log.add("d-destroyed:" + d.destroyed());
    }
}
