package dev.eventide.stream;

import static dev.eventide.stream.ReadableOperatorsSignalTest.desc;
import static dev.eventide.stream.ReadableOperatorsSignalTest.from;
import static dev.eventide.stream.ReadableOperatorsSignalTest.signal;
import static dev.eventide.stream.ReadableOperatorsSignalTest.st;
import static dev.eventide.stream.ReadableOperatorsSignalTest.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream-returning operators with the signal option (map, filter, flatMap, drop, take): when
 * the result stream errors with an AbortError, what happens to the source, and the signal the
 * function receives. The trace is node's (operators-signal-stream.js).
 */
class ReadableOperatorsSignalStreamTest {
    private final List<String> log = new ArrayList<>();
    private AbortSignal fnSignal;

    private static final List<String> NODE_TRACE = List.of(
            "map-fn:1 aborted:false same:false", "map-data:10", "map-fn:2 aborted:false same:false",
            "map-fn-signal-now:true", "map-error:AbortError:ABORT_ERR cause:none",
            "map-src destroyed:true errored:ABORT_ERR", "no-signal-destroyed fn-signal-aborted:false",
            "idle-aborted", "idle-src-close", "idle-error:AbortError:ABORT_ERR cause:none",
            "idle-src destroyed:true errored:ABORT_ERR", "filter-error:AbortError:ABORT_ERR cause:none",
            "filter-src destroyed:true errored:ABORT_ERR", "flatMap-data:1", "flatMap-data:false",
            "flatMap-data:2", "flatMap-data:false", "drop-error:AbortError:ABORT_ERR cause:none",
            "drop-src destroyed:false errored:null", "take-data:1", "take-data:2",
            "take-error:AbortError:ABORT_ERR cause:none", "take-src destroyed:true errored:ABORT_ERR", "done");

    /** As the script's drain(name, r): logs data and error, resolves at 'close'. */
    private Promise<Void> drain(String name, ReadableStream r) {
        r.on("data", args -> log.add(name + "-data:" + args[0]));
        r.on("error", args -> log.add(name + "-error:" + desc((Throwable) args[0])));
        return new Promise<>((res, rej) -> r.on("close", args -> res.accept(null)));
    }

    /** Drains r, then one setImmediate later logs the source's state. */
    private Promise<?> drainThenSource(String name, ReadableStream r, ReadableStream src) {
        return drain(name, r).thenCompose(v -> tick()).then(v -> log.add(name + "-src " + st(src)));
    }

    @Test
    void streamOperatorsErrorWithAbortErrorAtTheNextChunkAsNodeDoes() {
        EventLoop.run(() -> abortWhileMapping()
                .thenCompose(v -> destroyedWithoutSignal())
                .thenCompose(v -> abortWhileSourceIsSilent())
                .thenCompose(v -> {
                    ReadableStream s = from(1, 2, 3, 4);
                    return drainThenSource("filter", s.filter(x -> (int) x % 2 == 0,
                            signal(AbortSignal.abort())), s);
                })
                .thenCompose(v -> drain("flatMap", from(1, 2).flatMap((x, sig) -> List.of(x, sig.aborted()),
                        signal(null))))
                .thenCompose(v -> {
                    ReadableStream s = from(1, 2, 3);
                    return drainThenSource("drop", s.drop(1, signal(AbortSignal.abort())), s);
                })
                .thenCompose(v -> abortWhileTaking())
                .then(v -> log.add("done")));
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("operators-signal-stream.js", NODE_TRACE);
    }

    private Promise<?> abortWhileMapping() {
        ReadableStream s = from(1, 2, 3);
        AbortController ac = new AbortController();
        ReadableStream m = s.map((x, sig) -> {
            log.add("map-fn:" + x + " aborted:" + sig.aborted() + " same:" + (sig == ac.signal()));
            if ((int) x == 2) {
                ac.abort();
                log.add("map-fn-signal-now:" + sig.aborted());
            }
            return tick().then(v -> (int) x * 10);
        }, signal(ac.signal()));
        return drainThenSource("map", m, s);
    }

    private Promise<?> destroyedWithoutSignal() {
        ReadableStream m = from(1, 2, 3).map((x, sig) -> {
            fnSignal = sig;
            return x;
        });
        m.once("data", args -> m.destroy());
        return new Promise<Void>((res, rej) -> m.on("close", args -> res.accept(null)))
                .thenCompose(v -> tick())
                .then(v -> log.add("no-signal-destroyed fn-signal-aborted:" + fnSignal.aborted()));
    }

    private Promise<?> abortWhileSourceIsSilent() {
        AbortController ac = new AbortController();
        ReadableStream s = new ReadableStream(new StreamOptions().objectMode(true).read((self, n) -> { }));
        s.on("close", args -> log.add("idle-src-close"));
        ReadableStream m = s.map(x -> {
            log.add("idle-fn:" + x);
            return x;
        }, signal(ac.signal()).concurrency(2));
        Promise<Void> drained = drain("idle", m);
        return tick().thenCompose(v -> {
            ac.abort();
            log.add("idle-aborted");
            return tick();
        }).thenCompose(v -> {
            s.push(7);
            return drained;
        }).thenCompose(v -> tick()).then(v -> log.add("idle-src " + st(s)));
    }

    private Promise<?> abortWhileTaking() {
        AbortController ac = new AbortController();
        ReadableStream s = from(1, 2, 3, 4);
        ReadableStream t = s.take(3, signal(ac.signal()));
        t.on("data", args -> {
            if ((int) args[0] == 2) {
                ac.abort();
            }
        });
        return drainThenSource("take", t, s);
    }
}
