package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.DomException;
import dev.eventide.errors.NodeError;
import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The promise-returning operators with the signal option (toArray, forEach, some, every, find,
 * reduce): what an aborted signal rejects with, when, what happens to the source, and the signal
 * the function receives. The trace is node's (operators-signal.js).
 */
class ReadableOperatorsSignalTest {
    private final List<String> log = new ArrayList<>();
    private AbortSignal seen;

    private static final List<String> NODE_TRACE = List.of(
            "toArray:AbortError:ABORT_ERR cause:AbortError", "toArray-src destroyed:true errored:ABORT_ERR",
            "toArray-empty:0", "toArray-null:1,2",
            "forEach:AbortError:ABORT_ERR cause:none", "forEach-src destroyed:true errored:ABORT_ERR",
            "fe:1 aborted:false", "fe:2 aborted:false", "fe-signal-now:true",
            "forEach-mid:AbortError:ABORT_ERR cause:none", "forEach-mid-src destroyed:true errored:ABORT_ERR",
            "some-arg:true", "every-arg:true", "find:AbortError:ABORT_ERR cause:none",
            "reduce-src-error:ABORT_ERR", "reduce-src-close", "reduce:AbortError:ABORT_ERR cause:AbortError",
            "r:1 aborted:false", "r:2 aborted:false", "r:3 aborted:false", "reduce-sum:6 signal-after:true",
            "r2-signal-now:true", "reduce-mid:AbortError:ABORT_ERR cause:none",
            "reduce-mid-src destroyed:true errored:ABORT_ERR", "done");

    static ReadableStream from(Object... values) {
        return ReadableStream.from(List.of(values));
    }

    static OperatorOptions signal(AbortSignal s) {
        return new OperatorOptions().signal(s);
    }

    static Promise<Void> tick() {
        return new Promise<>((res, rej) -> Timers.setImmediate(() -> res.accept(null)));
    }

    /** As the script's desc(e): name, code and the name of the cause. */
    static String desc(Throwable e) {
        String name = e instanceof AbortError a ? a.name() : e.getClass().getSimpleName();
        String code = e instanceof NodeError n ? n.code() : "undefined";
        Throwable c = e.getCause();
        String cause = c == null ? "none" : c instanceof DomException d ? d.name() : c.getClass().getSimpleName();
        return name + ":" + code + " cause:" + cause;
    }

    /** As the script's st(s). */
    static String st(ReadableStream s) {
        Throwable e = s.errored();
        return "destroyed:" + s.destroyed() + " errored:" + (e instanceof NodeError n ? n.code() : e);
    }

    /** Logs how {@code p} rejects (or that it resolved, which node never prints). */
    private Promise<?> rejects(String prefix, Promise<?> p) {
        return p.then(v -> log.add(prefix + "resolved:" + v), e -> log.add(prefix + desc(e)));
    }

    /** Then, one setImmediate later, logs the source's state. */
    private Promise<?> source(String prefix, ReadableStream s, Promise<?> p) {
        return p.thenCompose(v -> tick()).then(v -> log.add(prefix + " " + st(s)));
    }

    private static Promise<?> sequence(List<Supplier<Promise<?>>> steps, int i) {
        if (i == steps.size()) {
            return Promise.resolve();
        }
        return steps.get(i).get().thenCompose(v -> sequence(steps, i + 1));
    }

    @Test
    void promiseOperatorsPollTheSignalAsNodeDoes() {
        EventLoop.run(() -> sequence(List.of(
                () -> {
                    ReadableStream s = from(1, 2, 3);
                    return source("toArray-src", s, rejects("toArray:", s.toArray(signal(AbortSignal.abort()))));
                },
                () -> from().toArray(signal(AbortSignal.abort())).then(l -> log.add("toArray-empty:" + l.size())),
                () -> from(1, 2).toArray(signal(null)).then(l -> log.add("toArray-null:" + l.get(0) + "," + l.get(1))),
                () -> {
                    ReadableStream s = from(1, 2, 3);
                    return source("forEach-src", s, rejects("forEach:",
                            s.forEach(x -> log.add("forEach-fn:" + x), signal(AbortSignal.abort()))));
                },
                this::forEachAbortedMidway,
                () -> from(1, 2).some((x, sig) -> sig != null && (int) x == 2).then(b -> log.add("some-arg:" + b)),
                () -> from(1, 2).every((x, sig) -> sig != null).then(b -> log.add("every-arg:" + b)),
                () -> rejects("find:", from(1).find(x -> true, signal(AbortSignal.abort()))),
                this::reduceAlreadyAborted,
                () -> from(1, 2, 3).reduce((a, x, sig) -> {
                    seen = sig;
                    log.add("r:" + x + " aborted:" + sig.aborted());
                    return (int) a + (int) x;
                }, 0, signal(new AbortController().signal()))
                        .then(sum -> log.add("reduce-sum:" + sum + " signal-after:" + seen.aborted())),
                this::reduceAbortedMidway), 0).then(v -> log.add("done")));
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("operators-signal.js", NODE_TRACE);
    }

    private Promise<?> forEachAbortedMidway() {
        AbortController ac = new AbortController();
        ReadableStream s = from(1, 2, 3);
        return source("forEach-mid-src", s, rejects("forEach-mid:", s.forEach((x, sig) -> {
            log.add("fe:" + x + " aborted:" + sig.aborted());
            if ((int) x == 2) {
                ac.abort();
                log.add("fe-signal-now:" + sig.aborted());
            }
            return null;
        }, signal(ac.signal()))));
    }

    private Promise<?> reduceAlreadyAborted() {
        ReadableStream s = from(1, 2, 3);
        s.on("error", args -> log.add("reduce-src-error:" + ((NodeError) args[0]).code()));
        s.on("close", args -> log.add("reduce-src-close"));
        return rejects("reduce:", s.reduce((a, x) -> {
            log.add("reducer-called");
            return (int) a + (int) x;
        }, 0, signal(AbortSignal.abort())));
    }

    private Promise<?> reduceAbortedMidway() {
        AbortController ac = new AbortController();
        ReadableStream s = from(1, 2, 3);
        return source("reduce-mid-src", s, rejects("reduce-mid:", s.reduce((a, x, sig) -> {
            if ((int) x == 2) {
                ac.abort();
                log.add("r2-signal-now:" + sig.aborted());
            }
            return (int) a + (int) x;
        }, 0, signal(ac.signal()))));
    }
}
