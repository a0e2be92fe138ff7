package dev.eventide.promise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.FakeClock;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Task;
import dev.eventide.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Microtask turn counts of promise chains, compared trace for trace with node running the same
 * chains in JavaScript: then, adoption of returned promises, finally, thenables, async, and
 * the combinators.
 */
class PromiseTurnsTest {
    private static final String PRELUDE = """
            const log = s => console.log(s);
            const ticks = (n, p) => { let q = Promise.resolve(); for (let i = 1; i <= n; i++) { q = q.then(() => log(p + i)); } };
            """;

    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    /** A chain of n one-turn steps, to count turns against. */
    private void ticks(int n, String prefix) {
        Promise<?> q = Promise.resolve();
        for (int i = 1; i <= n; i++) {
            String name = prefix + i;
            q = q.then(v -> trace.add(name));
        }
    }

    private void check(Task java, String js, String... expected) {
        assertThat(clock.run(java)).as("exit code").isZero();
        assertThat(trace).containsExactly(expected);
        NodeOracle.assertNodePrints(PRELUDE + js, List.of(expected));
    }

    @Test
    void eachThenTakesOneTurn() {
        check(() -> {
            Promise.resolve(1).then(v -> {
                trace.add("a" + v);
                return v + 1;
            }).then(v -> trace.add("b" + v));
            ticks(4, "x");
        }, """
                Promise.resolve(1).then(v => { log('a' + v); return v + 1; }).then(v => log('b' + v));
                ticks(4, 'x');
                """, "a1", "x1", "b2", "x2", "x3", "x4");
    }

    @Test
    void returningAPromiseFromThenCostsTwoExtraTurns() {
        check(() -> {
            Promise.resolve().thenCompose(v -> {
                trace.add("r0");
                return Promise.resolve("r");
            }).then(v -> trace.add("got " + v));
            ticks(5, "t");
        }, """
                Promise.resolve().then(() => { log('r0'); return Promise.resolve('r'); }).then(v => log('got ' + v));
                ticks(5, 't');
                """, "r0", "t1", "t2", "t3", "got r", "t4", "t5");
    }

    @Test
    void finallyTakesTheSameTurnsAsInJavaScriptOnBothPaths() {
        check(() -> {
            Promise.resolve(7).andFinally(() -> trace.add("fin")).then(v -> trace.add("after " + v));
            Promise.reject(new IllegalStateException("e")).andFinally(() -> trace.add("fin2"))
                    .catchError(e -> trace.add("caught " + e.getMessage()));
            ticks(6, "t");
        }, """
                Promise.resolve(7).finally(() => log('fin')).then(v => log('after ' + v));
                Promise.reject(new Error('e')).finally(() => log('fin2')).catch(e => log('caught ' + e.message));
                ticks(6, 't');
                """, "fin", "fin2", "t1", "t2", "t3", "after 7", "caught e", "t4", "t5", "t6");
    }

    @Test
    void thenablesAndAsyncFunctionsAreAdoptedWithV8sTurns() {
        check(() -> {
            Thenable<Integer> thenable = (onFulfilled, onRejected) -> {
                trace.add("then called");
                onFulfilled.accept(42);
            };
            Promise.resolve(thenable).then(v -> trace.add("thenable " + v));
            // Statically Promise<Promise<Integer>> (Body's T is what the body returns), adopted at run time.
            Promise.<Object>async(() -> Promise.resolve(5)).then(v -> trace.add("async " + v));
            Promise.async(() -> 6).then(v -> trace.add("async plain " + v));
            ticks(5, "t");
        }, """
                const thenable = { then(res, rej) { log('then called'); res(42); } };
                Promise.resolve(thenable).then(v => log('thenable ' + v));
                (async () => Promise.resolve(5))().then(v => log('async ' + v));
                (async () => 6)().then(v => log('async plain ' + v));
                ticks(5, 't');
                """, "then called", "async plain 6", "t1", "thenable 42", "t2", "async 5", "t3", "t4", "t5");
    }

    @Test
    void combinatorsSettleInJavaScriptsOrder() {
        check(() -> {
            Promise<Object>[] p = new Promise[1];
            p[0] = Promise.resolve().then(v -> p[0]);
            p[0].then(v -> v, e -> trace.add("TypeError: " + e.getMessage()));
            Promise.all(List.<Promise<Integer>>of()).then(v -> trace.add("all [] " + v));
            Promise.allSettled(List.<Promise<Integer>>of()).then(v -> trace.add("allSettled [] " + v));
            Promise.any(List.<Promise<Integer>>of()).then(v -> v, e -> trace.add("any [] AggregateError: "
                    + e.getMessage() + " " + ((AggregateError) e).errors().size()));
            Promise.race(List.<Promise<Integer>>of()).then(v -> trace.add("race [] settled"));
            Promise.all(List.of(Promise.resolve(1), Promise.resolve(2), Promise.resolve(3)))
                    .then(v -> trace.add("all " + join(v)));
            Promise.all(List.of(Promise.resolve(1), Promise.<Integer>reject(new IllegalStateException("no")),
                    Promise.<Integer>reject(new IllegalStateException("no2"))))
                    .catchError(e -> {
                        trace.add("all rejected " + e.getMessage());
                        return null;
                    });
            Promise.allSettled(List.of(Promise.resolve(1), Promise.<Integer>reject(new IllegalStateException("no"))))
                    .then(v -> trace.add("settled " + String.join(",", v.stream().map(s -> s.status() + ":"
                            + (s.isFulfilled() ? s.value() : s.reason().getMessage())).toList())));
            Promise.race(List.of(delayed("slow", 20), delayed("fast", 10))).then(v -> trace.add("race " + v));
            Promise.any(List.of(Promise.<String>reject(new IllegalStateException("a")),
                    Promise.<String>reject(new IllegalStateException("b"))))
                    .then(v -> v, e -> trace.add("any AggregateError " + String.join(",",
                            ((AggregateError) e).errors().stream().map(Throwable::getMessage).toList())));
            Promise.any(List.of(Promise.<String>reject(new IllegalStateException("a")), Promise.resolve("ok")))
                    .then(v -> trace.add("any ok " + v));
        }, """
                const p = Promise.resolve().then(() => p); p.catch(e => log(e.constructor.name + ': ' + e.message));
                Promise.all([]).then(v => log('all [] []'));
                Promise.allSettled([]).then(v => log('allSettled [] []'));
                Promise.any([]).catch(e => log('any [] ' + e.constructor.name + ': ' + e.message + ' ' + e.errors.length));
                Promise.race([]).then(() => log('race [] settled'));
                Promise.all([Promise.resolve(1), 2, Promise.resolve(3)]).then(v => log('all ' + v));
                Promise.all([Promise.resolve(1), Promise.reject(new Error('no')), Promise.reject(new Error('no2'))]).catch(e => log('all rejected ' + e.message));
                Promise.allSettled([Promise.resolve(1), Promise.reject(new Error('no'))]).then(v => log('settled ' + v.map(s => s.status + ':' + (s.value ?? s.reason.message)).join(',')));
                Promise.race([new Promise(r => setTimeout(() => r('slow'), 20)), new Promise(r => setTimeout(() => r('fast'), 10))]).then(v => log('race ' + v));
                Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]).catch(e => log('any AggregateError ' + e.errors.map(x => x.message).join(',')));
                Promise.any([Promise.reject(new Error('a')), Promise.resolve('ok')]).then(v => log('any ok ' + v));
                """, "all [] []", "allSettled [] []", "any [] AggregateError: All promises were rejected 0",
                "TypeError: Chaining cycle detected for promise #<Promise>", "all 1,2,3", "all rejected no",
                "settled fulfilled:1,rejected:no", "any AggregateError a,b", "any ok ok", "race fast");
    }

    private static String join(List<?> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static Promise<String> delayed(String value, double ms) {
        return new Promise<>((resolve, reject) -> Timers.setTimeout(() -> resolve.accept(value), ms));
    }
}
