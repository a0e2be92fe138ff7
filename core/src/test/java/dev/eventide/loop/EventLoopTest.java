package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.process.Proc;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The loop itself: cross-thread execute, liveness, beforeExit/exit, exit codes, process.exit,
 * uncaught errors, ownership checks and argument validation.
 */
class EventLoopTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    private Task mark(String name) {
        return () -> trace.add(name);
    }

    /** Runs {@code action} on a new thread and returns what it threw (or null). */
    static Throwable onOtherThread(Task action) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "foreign");
        t.start();
        t.join();
        return thrown.get();
    }

    static void assertCode(Throwable t, String code) {
        assertThat(t).isInstanceOf(NodeError.class);
        assertThat(((NodeError) t).code()).isEqualTo(code);
    }

    // ---- execute ----

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
    void executeFromAnotherThreadWakesALoopSleepingOnALongTimer() {
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Timeout longTimer = Timers.setTimeout(mark("timer"), 600_000);
            Thread loopThread = Thread.currentThread();
            Thread poster = new Thread(() -> {
                // Wait until the loop really sleeps in poll, then post.
                while (loopThread.getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                }
                loop.execute(() -> {
                    trace.add("task");
                    longTimer.close();
                });
            });
            poster.start();
        });
        assertThat(code).isZero();
        assertThat(trace).containsExactly("task");
    }

    @Test
    void executeKeepsTheLoopAliveUntilTheTaskRuns() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            assertThat(onOtherThread(() -> loop.execute(() -> trace.add("posted on " + Thread.currentThread().getName()))))
                    .isNull();
            trace.add("main done");
        });
        assertThat(trace).containsExactly("main done", "posted on " + Thread.currentThread().getName());
    }

    @Test
    void executeRunsInThePollPhaseBeforeTheCheckPhase() {
        clock.run(() -> {
            Timers.setImmediate(mark("immediate"));
            EventLoop.current().execute(() -> {
                trace.add("executed");
                Proc.nextTick(mark("tick after executed"));
            });
        });
        assertThat(trace).containsExactly("executed", "tick after executed", "immediate");
    }

    @Test
    void executeAfterTheLoopFinishedIsRejected() {
        EventLoop loop = EventLoop.create(clock);
        loop.runMain(() -> { });
        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void executeWithNullIsAnInvalidArgType() {
        EventLoop loop = EventLoop.create(clock);
        assertThatThrownBy(() -> loop.execute(null)).isInstanceOf(NodeError.class)
                .hasMessage("The \"task\" argument must be of type function. Received null");
    }

    // ---- liveness, beforeExit, exit ----

    @Test
    void beforeExitFiresWhenTheLoopRunsDryAndMayScheduleMoreWork() {
        int code = clock.exitCode(() -> {
            int[] rounds = {0};
            Proc.on("beforeExit", c -> {
                trace.add("beforeExit " + c[0]);
                if (++rounds[0] < 3) {
                    Timers.setTimeout(mark("timer " + rounds[0]), 10);
                }
            });
            Proc.on("exit", c -> trace.add("exit " + c[0]));
        });
        assertThat(code).isZero();
        assertThat(trace).containsExactly("beforeExit 0", "timer 1", "beforeExit 0", "timer 2", "beforeExit 0", "exit 0");
        NodeOracle.assertNodePrints("""
                let rounds = 0;
                process.on('beforeExit', c => { console.log('beforeExit ' + c); if (++rounds < 3) setTimeout(() => console.log('timer ' + rounds), 10); });
                process.on('exit', c => console.log('exit ' + c));
                """, List.of("beforeExit 0", "timer 1", "beforeExit 0", "timer 2", "beforeExit 0", "exit 0"));
    }

    @Test
    void exitFiresOnceWithTheExitCodeAndItsTicksNeverRun() {
        int code = clock.exitCode(() -> {
            Proc.exitCode(4);
            Proc.on("beforeExit", c -> trace.add("beforeExit " + c[0]));
            Proc.on("exit", c -> {
                trace.add("exit " + c[0] + " " + Proc.exitCode());
                Proc.nextTick(mark("tick in exit"));
                Timers.setTimeout(mark("timer in exit"), 0);
            });
        });
        assertThat(code).isEqualTo(4);
        assertThat(trace).containsExactly("beforeExit 4", "exit 4 4");
    }

    @Test
    void anExitListenerMaySetTheFinalExitCode() {
        int code = clock.exitCode(() -> Proc.on("exit", c -> Proc.exitCode(5)));
        assertThat(code).isEqualTo(5);
        NodeOracle.Result node = NodeOracle.run("process.on('exit', c => { process.exitCode = 5; });");
        if (node != null) {
            assertThat(node.exitCode()).isEqualTo(5);
        }
    }

    @Test
    void processExitInACallbackStopsEverythingAfterIt() {
        int code = clock.exitCode(() -> {
            Proc.on("exit", c -> trace.add("exit " + c[0]));
            Timers.setTimeout(() -> {
                trace.add("A");
                Proc.nextTick(mark("tick"));
                Promise.resolve().then(v -> trace.add("promise"));
                Timers.setImmediate(mark("immediate"));
                Proc.exit(3);
                trace.add("after exit");
            }, 1);
            Timers.setTimeout(mark("B same deadline"), 1);
            Timers.setTimeout(mark("C later"), 5);
            Proc.on("beforeExit", c -> trace.add("beforeExit"));
        });
        assertThat(code).isEqualTo(3);
        assertThat(trace).containsExactly("A", "exit 3");
        NodeOracle.Result node = NodeOracle.run("""
                process.on('exit', c => console.log('exit ' + c));
                setTimeout(() => { console.log('A'); process.nextTick(() => console.log('tick'));
                  Promise.resolve().then(() => console.log('promise')); setImmediate(() => console.log('immediate'));
                  process.exit(3); console.log('after exit'); }, 1);
                setTimeout(() => console.log('B same deadline'), 1);
                process.on('beforeExit', () => console.log('beforeExit'));
                """);
        if (node != null) {
            assertThat(node.stdout()).containsExactly("A", "exit 3");
            assertThat(node.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void processExitInATickOrAPromiseJobStopsTheDrain() {
        int code = clock.exitCode(() -> {
            Proc.nextTick(() -> Proc.exit(2));
            Proc.nextTick(mark("second tick"));
            Promise.resolve().then(v -> trace.add("promise"));
        });
        assertThat(code).isEqualTo(2);
        assertThat(trace).isEmpty();

        code = clock.exitCode(() -> {
            Promise.resolve().then(v -> {
                Proc.exit(6);
                return null;
            });
            Promise.resolve().then(v -> trace.add("second job"));
            Timers.queueMicrotask(mark("microtask"));
        });
        assertThat(code).isEqualTo(6);
        assertThat(trace).isEmpty();
    }

    @Test
    void processExitWithoutACodeUsesTheExitCode() {
        int code = clock.exitCode(() -> {
            Proc.exitCode(8);
            Proc.exit();
        });
        assertThat(code).isEqualTo(8);
    }

    @Test
    void processExitInsideAnExitListenerEndsAtOnceWithTheNewCode() {
        int code = clock.exitCode(() -> {
            Proc.on("exit", c -> {
                trace.add("first " + c[0]);
                Proc.exit(9);
                trace.add("not reached");
            });
            Proc.on("exit", c -> trace.add("second"));
        });
        assertThat(code).isEqualTo(9);
        assertThat(trace).containsExactly("first 0");
        NodeOracle.Result node = NodeOracle.run("""
                process.on('exit', c => { console.log('first ' + c); process.exit(9); console.log('not reached'); });
                process.on('exit', c => console.log('second'));
                """);
        if (node != null) {
            assertThat(node.stdout()).containsExactly("first 0");
            assertThat(node.exitCode()).isEqualTo(9);
        }
    }

    @Test
    void aLoopRunsOnlyOnce() {
        EventLoop loop = EventLoop.create(clock);
        loop.runMain(() -> { });
        assertThatThrownBy(() -> loop.runMain(() -> { })).isInstanceOf(NodeError.class)
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_INVALID_STATE");
    }

    @Test
    void runReturnsTheExitCodeAndRejectsANullMain() {
        assertThat(EventLoop.run(() -> Proc.exitCode(11))).isEqualTo(11);
        assertThatThrownBy(() -> EventLoop.run(null)).isInstanceOf(NodeError.class)
                .hasMessage("The \"main\" argument must be of type function. Received null");
    }

    @Test
    void runMainRejectsANullMainBeforeRunning() {
        EventLoop loop = EventLoop.create(clock);
        assertThatThrownBy(() -> loop.runMain(null)).isInstanceOf(NodeError.class)
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_INVALID_ARG_TYPE");
    }

    @Test
    void refAndUnrefKeepTheLoopAliveForAHandle() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            loop.ref();
            Timers.setTimeout(() -> {
                trace.add("release");
                loop.unref();
                loop.unref();
            }, 10);
            Timers.setTimeout(mark("kept alive"), 1000).unref();
        });
        assertThat(trace).containsExactly("release");
    }

    @Test
    void queuePendingAndQueueCloseRunInTheirPhases() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            loop.queueClose(mark("close"));
            Timers.setImmediate(mark("check"));
            loop.queuePending(mark("pending"));
        });
        assertThat(trace).containsExactly("pending", "check", "close");
    }

    @Test
    void nowIsCachedDuringACallbackAndHrtimeComesFromTheClock() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            long before = loop.now();
            clock.advanceMillis(3);
            assertThat(loop.now()).isEqualTo(before);
            assertThat(loop.hrtime()).isEqualTo(clock.nanoTime());
            assertThat(loop.clock()).isSameAs(clock);
            assertThat(loop.inLoop()).isTrue();
            assertThat(loop.thread()).isSameAs(Thread.currentThread());
        });
    }

    // ---- ownership and validation ----

    @Test
    void currentOffALoopThreadIsErrNoLoop() {
        assertThatThrownBy(EventLoop::current).isInstanceOf(NodeError.class)
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
        assertThat(EventLoop.currentOrNull()).isNull();
        assertThatThrownBy(() -> Timers.setTimeout(() -> { }, 1))
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
        assertThatThrownBy(() -> Timers.setImmediate(() -> { }))
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
        assertThatThrownBy(() -> Timers.queueMicrotask(() -> { }))
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
    }

    @Test
    void currentIsRestoredAfterTheLoopEnds() {
        clock.run(() -> assertThat(EventLoop.current()).isNotNull());
        assertThat(EventLoop.currentOrNull()).isNull();
    }

    @Test
    void touchingLoopObjectsFromAForeignThreadIsErrWrongThread() {
        List<Throwable> errors = new ArrayList<>();
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            Timeout t = Timers.setTimeout(() -> { }, 5);
            Immediate im = Timers.setImmediate(() -> { });
            Promise<Integer> p = Promise.resolve(1);
            errors.add(onOtherThread(() -> loop.setTimeout(() -> { }, 1)));
            errors.add(onOtherThread(() -> loop.setInterval(() -> { }, 1)));
            errors.add(onOtherThread(() -> loop.setImmediate(() -> { })));
            errors.add(onOtherThread(() -> loop.nextTick(() -> { })));
            errors.add(onOtherThread(() -> loop.queueMicrotask(() -> { })));
            errors.add(onOtherThread(() -> loop.queueWork(() -> 1, (r, e) -> { })));
            errors.add(onOtherThread(() -> loop.exit(1)));
            errors.add(onOtherThread(loop::ref));
            errors.add(onOtherThread(t::refresh));
            errors.add(onOtherThread(t::unref));
            errors.add(onOtherThread(() -> Timers.clearTimeout(t)));
            errors.add(onOtherThread(im::close));
            errors.add(onOtherThread(() -> p.then(v -> v)));
            errors.add(onOtherThread(() -> EventLoop.current()));
        });
        assertThat(errors).hasSize(14);
        errors.subList(0, 13).forEach(e -> assertCode(e, "ERR_WRONG_THREAD"));
        assertThat(errors.get(8)).hasMessage(
                "Timeout belongs to loop thread '" + Thread.currentThread().getName()
                        + "' and was touched from thread 'foreign'; use loop.execute(task) to reach it");
        assertCode(errors.get(13), "ERR_NO_LOOP");
    }

    @Test
    void nullCallbacksAreInvalidArgTypeWithNodesMessage() {
        List<Throwable> errors = new ArrayList<>();
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            for (Task bad : List.<Task>of(
                    () -> Timers.setTimeout(null, 1), () -> Timers.setTimeout(null),
                    () -> Timers.setInterval(null, 1), () -> Timers.setImmediate(null),
                    () -> Proc.nextTick(null), () -> Timers.queueMicrotask(null))) {
                try {
                    bad.run();
                } catch (NodeError e) {
                    errors.add(e);
                }
            }
            try {
                loop.queueWork(null, (r, e) -> { });
            } catch (NodeError e) {
                errors.add(e);
            }
            try {
                loop.queueWork(() -> 1, null);
            } catch (NodeError e) {
                errors.add(e);
            }
        });
        assertThat(errors).hasSize(8).allSatisfy(e -> assertCode(e, "ERR_INVALID_ARG_TYPE"));
        assertThat(errors.subList(0, 6)).extracting(Throwable::getMessage)
                .containsOnly("The \"callback\" argument must be of type function. Received null");
        NodeOracle.assertNodePrints("""
                for (const f of [() => setTimeout(null), () => setInterval(null), () => setImmediate(null),
                                 () => process.nextTick(null), () => queueMicrotask(null)]) {
                  try { f(); } catch (e) { console.log(e.code + ' ' + e.message); }
                }
                """, Collections.nCopies(5,
                "ERR_INVALID_ARG_TYPE The \"callback\" argument must be of type function. Received null"));
    }
}
