package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The readable operators (map, filter, forEach, toArray, some, find, every, flatMap, drop,
 * take, reduce): results, concurrency and errors, checked against node's trace (operators.js).
 */
class ReadableOperatorsTest {
    private final List<String> log = new ArrayList<>();
    private int active;
    private int peak;

    private static final List<String> NODE_TRACE = List.of(
            "map:2,4,6", "map-async:10,20,30", "concurrency:v1,v2,v3,v4,v5,v6 peak:3", "filter:2,4",
            "filter-async:3,4", "each:a", "each:b", "some:true", "some-none:false", "every:true",
            "every-not:false", "find:3", "find-none:undefined", "flatMap:1,10,2,20", "drop:3,4", "take:1,2",
            "reduce:16", "reduce-first:6", "reduce-empty:ERR_MISSING_ARGS", "data:1", "error:bad:2",
            "mapped-close:true", "src-closed:true", "forEach-rejects:each-fail:1", "take-destroys-source:true", "done");

    /** Resolves with v after n setImmediate turns. */
    private static Promise<Object> later(Object v, int n) {
        Deferred<Object> d = Promise.withResolvers();
        int[] k = {n};
        Runnable[] f = new Runnable[1];
        f[0] = () -> {
            if (k[0]-- > 0) {
                Timers.setImmediate(f[0]::run);
            } else {
                d.resolve(v);
            }
        };
        f[0].run();
        return d.promise();
    }

    private static ReadableStream from(Object... values) {
        return ReadableStream.from(List.of(values));
    }

    private static String join(List<Object> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code log(prefix + await promise)} as one step of the sequence. */
    private Supplier<Promise<?>> print(String prefix, Supplier<Promise<?>> p) {
        return () -> p.get().then(v -> {
            log.add(prefix + (v instanceof List<?> l ? join(new ArrayList<>(l)) : v == null ? "undefined" : v));
            return null;
        });
    }

    private static Promise<?> sequence(List<Supplier<Promise<?>>> steps, int i) {
        if (i == steps.size()) {
            return Promise.resolve();
        }
        return steps.get(i).get().thenCompose(v -> sequence(steps, i + 1));
    }

    @Test
    void operatorsGiveNodesResultsAndErrors() {
        EventLoop.run(() -> {
            List<Supplier<Promise<?>>> steps = List.of(
                    print("map:", () -> from(1, 2, 3).map(x -> (int) x * 2).toArray()),
                    print("map-async:", () -> from(1, 2, 3).map(x -> later((int) x * 10, 3 - (int) x)).toArray()),
                    () -> from(1, 2, 3, 4, 5, 6).map(x -> {
                        active++;
                        peak = Math.max(peak, active);
                        return later(0, 7 - (int) x).then(v -> {
                            active--;
                            return "v" + x;
                        });
                    }, new OperatorOptions().concurrency(3)).toArray().then(l -> {
                        log.add("concurrency:" + join(l) + " peak:" + peak);
                        return null;
                    }),
                    print("filter:", () -> from(1, 2, 3, 4).filter(x -> (int) x % 2 == 0).toArray()),
                    print("filter-async:", () -> from(1, 2, 3, 4).filter(x -> later((int) x > 2, 1)).toArray()),
                    () -> from("a", "b").forEach(x -> log.add("each:" + x)),
                    print("some:", () -> from(1, 2, 3).some(x -> (int) x > 1)),
                    print("some-none:", () -> from(1, 2, 3).some(x -> (int) x > 5)),
                    print("every:", () -> from(1, 2, 3).every(x -> (int) x > 0)),
                    print("every-not:", () -> from(1, 2, 3).every(x -> (int) x < 2)),
                    print("find:", () -> from(1, 2, 3, 4).find(x -> (int) x > 2)),
                    print("find-none:", () -> from(1, 2).find(x -> (int) x > 2)),
                    print("flatMap:", () -> from(1, 2).flatMap(x -> List.of(x, (int) x * 10)).toArray()),
                    print("drop:", () -> from(1, 2, 3, 4).drop(2).toArray()),
                    print("take:", () -> from(1, 2, 3, 4).take(2).toArray()),
                    print("reduce:", () -> from(1, 2, 3).reduce((a, x) -> (int) a + (int) x, 10)),
                    print("reduce-first:", () -> from(1, 2, 3).reduce((a, x) -> later((int) a * (int) x, 1))),
                    () -> from().reduce((a, x) -> a).catchError(e -> {
                        log.add("reduce-empty:" + ((NodeError) e).code());
                        return null;
                    }),
                    this::mapError,
                    () -> from(1, 2).forEach(x -> {
                        throw new IllegalStateException("each-fail:" + x);
                    }).catchError(e -> {
                        log.add("forEach-rejects:" + e.getMessage());
                        return null;
                    }),
                    () -> {
                        ReadableStream taken = from(1, 2, 3);
                        return taken.take(1).toArray().then(v -> {
                            log.add("take-destroys-source:" + taken.destroyed());
                            return null;
                        });
                    });
            sequence(steps, 0).then(v -> {
                log.add("done");
                return null;
            });
        });
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("operators.js", NODE_TRACE);
    }

    private Promise<?> mapError() {
        ReadableStream src = from(1, 2, 3, 4);
        ReadableStream mapped = src.map(x -> {
            if ((int) x == 2) {
                throw new IllegalStateException("bad:" + x);
            }
            return x;
        });
        mapped.on("data", args -> log.add("data:" + args[0]));
        mapped.on("error", args -> log.add("error:" + ((Throwable) args[0]).getMessage()));
        mapped.on("close", args -> log.add("mapped-close:" + src.destroyed()));
        // The source closes a few microtask turns later than in node, whose for-await over an async
        // generator costs more turns than our ReadableIterator: only the outcome is compared.
        return new Promise<Void>((res, rej) -> mapped.on("close", args -> Timers.setImmediate(() -> {
            log.add("src-closed:" + src.closed());
            res.accept(null);
        })));
    }

    @Test
    void mapWithConcurrencyStartsAndEmitsInNodesOrder() {
        List<String> trace = List.of("start:1", "start:2", "end:2", "start:3", "end:1", "data:10", "start:4",
                "data:20", "end:4", "start:5", "end:3", "data:30", "data:40", "end:5", "data:50", "end", "close");
        EventLoop.run(() -> {
            ReadableStream out = from(1, 2, 3, 4, 5).map(x -> {
                log.add("start:" + x);
                int n = (int) x;
                return later(n, n % 2 == 1 ? 3 : 1).then(v -> {
                    log.add("end:" + v);
                    return (int) v * 10;
                });
            }, new OperatorOptions().concurrency(2));
            out.on("data", args -> log.add("data:" + args[0]));
            out.on("end", args -> log.add("end"));
            out.on("close", args -> log.add("close"));
        });
        assertThat(log).containsExactlyElementsOf(trace);
        NodeScript.assertNodePrints("operators-order.js", trace);
    }
}
