package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.process.Proc;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The microtask drain after each callback: nextTicks first, then promise jobs and
 * queueMicrotask callbacks, until both are empty. Every ordering is checked against node.
 */
class MicrotasksTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    private Task mark(String name) {
        return () -> trace.add(name);
    }

    @Test
    void ticksRunBeforePromiseJobsAndMicrotasksWhichRunInQueueOrder() {
        clock.run(() -> {
            Promise.resolve().then(v -> trace.add("p1"));
            Proc.nextTick(mark("t1"));
            Timers.queueMicrotask(mark("m1"));
            Proc.nextTick(mark("t2"));
            Promise.resolve().then(v -> trace.add("p2"));
        });
        assertThat(trace).containsExactly("t1", "t2", "p1", "m1", "p2");
        NodeOracle.assertNodePrints("""
                Promise.resolve().then(() => console.log('p1'));
                process.nextTick(() => console.log('t1'));
                queueMicrotask(() => console.log('m1'));
                process.nextTick(() => console.log('t2'));
                Promise.resolve().then(() => console.log('p2'));
                """, List.of("t1", "t2", "p1", "m1", "p2"));
    }

    @Test
    void aTickQueuedByATickRunsBeforeAnyPromiseJob() {
        clock.run(() -> {
            Promise.resolve().then(v -> trace.add("p"));
            Proc.nextTick(() -> {
                trace.add("t1");
                Proc.nextTick(mark("t1-inner"));
            });
            Proc.nextTick(mark("t2"));
        });
        assertThat(trace).containsExactly("t1", "t2", "t1-inner", "p");
        NodeOracle.assertNodePrints("""
                Promise.resolve().then(() => console.log('p'));
                process.nextTick(() => { console.log('t1'); process.nextTick(() => console.log('t1-inner')); });
                process.nextTick(() => console.log('t2'));
                """, List.of("t1", "t2", "t1-inner", "p"));
    }

    @Test
    void aTickQueuedByAPromiseJobWaitsUntilThePromiseQueueIsEmpty() {
        clock.run(() -> {
            Promise.resolve().then(v -> {
                trace.add("p1");
                Proc.nextTick(mark("tick-from-p1"));
                return null;
            }).then(v -> trace.add("p3"));
            Promise.resolve().then(v -> trace.add("p2"));
            Timers.queueMicrotask(() -> {
                trace.add("m1");
                Timers.queueMicrotask(mark("m2"));
            });
        });
        assertThat(trace).containsExactly("p1", "p2", "m1", "p3", "m2", "tick-from-p1");
        NodeOracle.assertNodePrints("""
                Promise.resolve().then(() => { console.log('p1'); process.nextTick(() => console.log('tick-from-p1')); }).then(() => console.log('p3'));
                Promise.resolve().then(() => console.log('p2'));
                queueMicrotask(() => { console.log('m1'); queueMicrotask(() => console.log('m2')); });
                """, List.of("p1", "p2", "m1", "p3", "m2", "tick-from-p1"));
    }

    @Test
    void microtasksDrainBetweenTwoTimersOfTheSamePhase() {
        clock.run(() -> {
            Timers.setTimeout(() -> {
                trace.add("timer1");
                Proc.nextTick(mark("tick"));
                Promise.resolve().then(v -> trace.add("promise"));
            }, 1);
            Timers.setTimeout(mark("timer2"), 1);
        });
        assertThat(trace).containsExactly("timer1", "tick", "promise", "timer2");
        NodeOracle.assertNodePrints("""
                setTimeout(() => { console.log('timer1'); process.nextTick(() => console.log('tick')); Promise.resolve().then(() => console.log('promise')); }, 1);
                setTimeout(() => console.log('timer2'), 1);
                """, List.of("timer1", "tick", "promise", "timer2"));
    }

    @Test
    void anErrorInAQueuedMicrotaskIsUncaughtAndTheDrainGoesOn() {
        int code = clock.run(() -> {
            Proc.on("uncaughtException", e -> trace.add("caught " + ((Throwable) e[0]).getMessage() + " " + e[1]));
            Timers.queueMicrotask(() -> {
                throw new IllegalStateException("m1");
            });
            Timers.queueMicrotask(mark("m2"));
            Promise.resolve().then(v -> trace.add("p"));
        });
        assertThat(code).isZero();
        assertThat(trace).containsExactly("caught m1 uncaughtException", "m2", "p");
        NodeOracle.assertNodePrints("""
                process.on('uncaughtException', (e, origin) => console.log('caught ' + e.message + ' ' + origin));
                queueMicrotask(() => { throw new Error('m1'); });
                queueMicrotask(() => console.log('m2'));
                Promise.resolve().then(() => console.log('p'));
                """, List.of("caught m1 uncaughtException", "m2", "p"));
    }

    @Test
    void anErrorInAQueuedMicrotaskWithoutListenerEndsTheProcessWithCodeOne() {
        var out = Stderr.capture(() -> clock.exitCode(() -> {
            Proc.on("exit", c -> trace.add("exit " + c[0]));
            Timers.queueMicrotask(() -> {
                throw new IllegalStateException("m1 failed");
            });
            Timers.queueMicrotask(mark("m2"));
        }));
        assertThat(out.value()).isEqualTo(1);
        assertThat(trace).containsExactly("exit 1");
        assertThat(out.text()).contains("IllegalStateException: m1 failed");
    }

    @Test
    void ticksLeftBehindByAThrowingTickRunAfterTheNextCallback() {
        clock.run(() -> {
            Proc.on("uncaughtException", e -> trace.add("caught " + ((Throwable) e[0]).getMessage()));
            Timers.setTimeout(mark("timer"), 0);
            Proc.nextTick(() -> {
                throw new IllegalStateException("t1");
            });
            Proc.nextTick(mark("t2"));
            clock.advanceMillis(1);
        });
        assertThat(trace).containsExactly("caught t1", "timer", "t2");
        NodeOracle.assertNodePrints("""
                process.on('uncaughtException', e => console.log('caught ' + e.message));
                setTimeout(() => console.log('timer'), 0);
                process.nextTick(() => { throw new Error('t1'); });
                process.nextTick(() => console.log('t2'));
                const s = Date.now(); while (Date.now() - s < 2);
                """, List.of("caught t1", "timer", "t2"));
    }

    @Test
    void theMainTasksMicrotasksRunBeforeTheFirstTimerAndImmediate() {
        clock.run(() -> {
            Timers.setTimeout(mark("timeout"), 0);
            Timers.setImmediate(mark("immediate"));
            Promise.resolve().then(v -> trace.add("promise"));
            Proc.nextTick(mark("tick"));
            trace.add("main");
        });
        assertThat(trace).containsExactly("main", "tick", "promise", "immediate", "timeout");
    }
}
