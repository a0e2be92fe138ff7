package dev.eventide.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.FakeClock;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Stderr;
import dev.eventide.loop.Timers;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The process object's error events: uncaughtException, unhandledRejection, rejectionHandled,
 * and what happens without listeners (exit codes, exit listeners, stderr), against node.
 */
class ProcessObjectTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    @Test
    void anUncaughtExceptionWithAListenerLetsTheLoopGoOn() {
        clock.run(() -> {
            Proc.on("uncaughtException", a -> trace.add("caught " + ((Throwable) a[0]).getMessage() + " " + a[1]));
            Proc.on("uncaughtExceptionMonitor", a -> trace.add("monitor " + a[1]));
            Timers.setTimeout(() -> {
                throw new IllegalStateException("boom");
            }, 1);
            Timers.setTimeout(() -> trace.add("later"), 5);
        });
        assertThat(trace).containsExactly("monitor uncaughtException", "caught boom uncaughtException", "later");
    }

    @Test
    void anUncaughtExceptionWithoutListenerRunsExitListenersPrintsTheTraceAndExitsWithOne() {
        var out = Stderr.capture(() -> clock.exitCode(() -> {
            Proc.on("exit", a -> trace.add("exit " + a[0]));
            Timers.setTimeout(() -> {
                throw new IllegalStateException("boom");
            }, 1);
            Timers.setTimeout(() -> trace.add("never"), 5);
        }));
        assertThat(out.value()).isEqualTo(1);
        assertThat(trace).containsExactly("exit 1");
        assertThat(out.text()).contains("java.lang.IllegalStateException: boom").contains("\tat ");
        NodeOracle.Result node = NodeOracle.run("""
                process.on('exit', c => console.log('exit ' + c));
                setTimeout(() => { throw new Error('boom'); }, 1);
                setTimeout(() => console.log('never'), 5);
                """);
        if (node != null) {
            assertThat(node.stdout()).containsExactly("exit 1");
            assertThat(node.exitCode()).isEqualTo(1);
            assertThat(node.stderr()).contains("Error: boom");
        }
    }

    @Test
    void aThrowingUncaughtExceptionHandlerEndsWithSevenAndNoExitListeners() {
        var out = Stderr.capture(() -> clock.exitCode(() -> {
            Proc.on("exit", a -> trace.add("exit " + a[0]));
            Proc.on("uncaughtException", a -> {
                throw new IllegalStateException("in handler");
            });
            Timers.setTimeout(() -> {
                throw new IllegalStateException("boom");
            }, 1);
        }));
        assertThat(out.value()).isEqualTo(7);
        assertThat(trace).isEmpty();
        assertThat(out.text()).contains("in handler");
        NodeOracle.Result node = NodeOracle.run("""
                process.on('exit', c => console.log('exit ' + c));
                process.on('uncaughtException', e => { throw new Error('in handler'); });
                setTimeout(() => { throw new Error('boom'); }, 1);
                """);
        if (node != null) {
            assertThat(node.stdout()).isEmpty();
            assertThat(node.exitCode()).isEqualTo(7);
            assertThat(node.stderr()).contains("in handler");
        }
    }

    @Test
    void anUnhandledRejectionGoesToItsListenerWithTheReasonAndThePromise() {
        Object[] seen = new Object[2];
        Promise<?>[] rejected = new Promise<?>[1];
        clock.run(() -> {
            Proc.on("unhandledRejection", a -> {
                seen[0] = a[0];
                seen[1] = a[1];
                trace.add("unhandled " + ((Throwable) a[0]).getMessage());
            });
            rejected[0] = Promise.reject(new IllegalStateException("nobody"));
            Timers.setTimeout(() -> trace.add("loop went on"), 1);
        });
        assertThat(trace).containsExactly("unhandled nobody", "loop went on");
        assertThat(seen[1]).isSameAs(rejected[0]);
    }

    @Test
    void anUnhandledRejectionWithoutListenerIsUncaughtWithOriginUnhandledRejection() {
        clock.run(() -> {
            Proc.on("uncaughtException", a -> trace.add("caught " + ((Throwable) a[0]).getMessage() + " " + a[1]));
            Promise.reject(new IllegalStateException("nobody"));
        });
        assertThat(trace).containsExactly("caught nobody unhandledRejection");
        NodeOracle.assertNodePrints("""
                process.on('uncaughtException', (e, origin) => console.log('caught ' + e.message + ' ' + origin));
                Promise.reject(new Error('nobody'));
                """, List.of("caught nobody unhandledRejection"));
    }

    @Test
    void anUnhandledRejectionWithNoListenersAtAllExitsWithOne() {
        var out = Stderr.capture(() -> clock.exitCode(() -> {
            Proc.on("exit", a -> trace.add("exit " + a[0]));
            Promise.reject(new IllegalStateException("nobody"));
            Timers.setTimeout(() -> trace.add("never"), 1);
        }));
        assertThat(out.value()).isEqualTo(1);
        assertThat(trace).containsExactly("exit 1");
        assertThat(out.text()).contains("IllegalStateException: nobody");
    }

    @Test
    void aRejectionHandledInTheSameTurnIsNotReported() {
        clock.run(() -> {
            Proc.on("unhandledRejection", a -> trace.add("unhandled"));
            Promise<Object> p = Promise.reject(new IllegalStateException("x"));
            Promise.resolve().then(v -> p.catchError(e -> trace.add("handled in a microtask")));
        });
        assertThat(trace).containsExactly("handled in a microtask");
    }

    @Test
    void aHandlerAddedAfterTheReportEmitsRejectionHandled() {
        Promise<?>[] rejected = new Promise<?>[1];
        Object[] handledPromise = new Object[1];
        clock.run(() -> {
            Proc.on("unhandledRejection", a -> trace.add("unhandled"));
            Proc.on("rejectionHandled", a -> {
                handledPromise[0] = a[0];
                trace.add("rejectionHandled");
            });
            Promise<Object> p = Promise.reject(new IllegalStateException("late"));
            rejected[0] = p;
            Timers.setTimeout(() -> p.catchError(e -> trace.add("caught late")), 1);
        });
        assertThat(trace).containsExactly("unhandled", "caught late", "rejectionHandled");
        assertThat(handledPromise[0]).isSameAs(rejected[0]);
        NodeOracle.assertNodePrints("""
                process.on('unhandledRejection', () => console.log('unhandled'));
                process.on('rejectionHandled', () => console.log('rejectionHandled'));
                const p = Promise.reject(new Error('late'));
                setTimeout(() => p.catch(() => console.log('caught late')), 1);
                """, List.of("unhandled", "caught late", "rejectionHandled"));
    }

    @Test
    void aLateHandlerWithoutRejectionHandledListenerPrintsAWarning() {
        var out = Stderr.capture(() -> clock.run(() -> {
            Proc.on("unhandledRejection", a -> { });
            Promise<Object> p = Promise.reject(new IllegalStateException("late"));
            Timers.setTimeout(() -> p.catchError(e -> null), 1);
        }));
        assertThat(out.text()).contains("PromiseRejectionHandledWarning: Promise rejection was handled asynchronously");
    }
}
