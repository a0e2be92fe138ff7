package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operators meeting errors (a failing source, a throwing reducer), stopping early (some, a
 * destroyed result) and what they do to the source; then a Duplex with _construct. The trace is
 * node's (operators-errors.js).
 */
class ReadableOperatorsErrorTest {
    private final List<String> log = new ArrayList<>();

    private static final List<String> NODE_TRACE = List.of(
            "map-error:src-broke", "toArray-rejects:src-broke", "reduce-rejects:reducer:1",
            "reduce-source-destroyed:true errored:ABORT_ERR", "some:true",
            "some-source-destroyed:true errored:ABORT_ERR", "first:1",
            "destroyed-result-source:true errored:ABORT_ERR", "d-construct", "d-write:w", "d-read", "d-data:r",
            "d-finish", "d-end", "d-close", "done");

    private static ReadableStream failing() {
        return new ReadableStream(new StreamOptions().objectMode(true).read((self, n) -> {
            self.push(1);
            self.destroy(new IllegalStateException("src-broke"));
        }));
    }

    private static Promise<Void> untilClose(StreamBase s) {
        return new Promise<>((res, rej) -> s.on("close", args -> res.accept(null)));
    }

    private static Promise<Void> immediate() {
        return new Promise<>((res, rej) -> Timers.setImmediate(() -> res.accept(null)));
    }

    private static String code(Throwable t) {
        return t instanceof NodeError n ? n.code() : String.valueOf(t);
    }

    @Test
    void operatorsPropagateErrorsAndDestroyTheirSourceAsNodeDoes() {
        EventLoop.run(() -> {
            ReadableStream m = failing().map(x -> x);
            m.on("error", args -> log.add("map-error:" + ((Throwable) args[0]).getMessage()));
            Promise<Void> closed = untilClose(m);
            m.resume();
            ReadableStream s1 = ReadableStream.from(List.of(1, 2, 3));
            ReadableStream s2 = ReadableStream.from(List.of(1, 2, 3, 4));
            closed.thenCompose(v -> failing().toArray().then(x -> null, e -> {
                log.add("toArray-rejects:" + e.getMessage());
                return null;
            })).thenCompose(v -> s1.reduce((a, x) -> {
                throw new IllegalStateException("reducer:" + x);
            }, 0).then(x -> null, e -> {
                log.add("reduce-rejects:" + e.getMessage());
                return null;
            })).thenCompose(v -> immediate()).thenCompose(v -> {
                log.add("reduce-source-destroyed:" + s1.destroyed() + " errored:" + code(s1.errored()));
                return s2.some(x -> (int) x == 2);
            }).thenCompose(found -> {
                log.add("some:" + found);
                return immediate();
            }).thenCompose(v -> {
                log.add("some-source-destroyed:" + s2.destroyed() + " errored:" + code(s2.errored()));
                return destroyedResult();
            }).thenCompose(v -> duplexWithConstruct()).then(v -> {
                log.add("done");
                return null;
            });
        });
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("operators-errors.js", NODE_TRACE);
    }

    private Promise<Void> destroyedResult() {
        ReadableStream s3 = ReadableStream.from(List.of(1, 2, 3));
        ReadableStream mapped = s3.map(x -> x);
        mapped.once("data", args -> {
            log.add("first:" + args[0]);
            mapped.destroy();
        });
        return untilClose(mapped).thenCompose(v -> immediate()).then(v -> {
            log.add("destroyed-result-source:" + s3.destroyed() + " errored:" + code(s3.errored()));
            return null;
        });
    }

    private Promise<Void> duplexWithConstruct() {
        DuplexStream d = new DuplexStream(new StreamOptions().objectMode(true)
                .construct(cb -> {
                    log.add("d-construct");
                    Timers.setImmediate(() -> cb.call(null));
                })
                .read((self, n) -> {
                    log.add("d-read");
                    self.push("r");
                    self.push(null);
                })
                .write((c, e, cb) -> {
                    log.add("d-write:" + c);
                    cb.call(null);
                }));
        d.write("w");
        d.end();
        d.on("data", args -> log.add("d-data:" + args[0]));
        d.on("finish", args -> log.add("d-finish"));
        d.on("end", args -> log.add("d-end"));
        return untilClose(d).then(v -> {
            log.add("d-close");
            return null;
        });
    }
}
