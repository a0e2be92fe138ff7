package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** setImmediate/clearImmediate and {@link Immediate}'s ref/unref: the check phase's rules. */
class ImmediateTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    private Task mark(String name) {
        return () -> trace.add(name);
    }

    @Test
    void immediatesRunInTheOrderTheyWereQueued() {
        clock.run(() -> {
            Timers.setImmediate(mark("a"));
            Timers.setImmediate(mark("b"));
            EventLoop.current().setImmediate(mark("c"));
        });
        assertThat(trace).containsExactly("a", "b", "c");
    }

    @Test
    void anImmediateQueuedByAnImmediateWaitsForTheNextIterationAfterDueTimers() {
        clock.run(() -> Timers.setImmediate(() -> {
            trace.add("A");
            Timers.setTimeout(mark("T"), 1);
            Timers.setImmediate(mark("N"));
            clock.advanceMillis(5);
        }));
        assertThat(trace).containsExactly("A", "T", "N");
        NodeOracle.assertNodePrints("""
                const busy = ms => { const s = Date.now(); while (Date.now() - s < ms); };
                setImmediate(() => {
                  console.log('A');
                  setTimeout(() => console.log('T'), 1);
                  setImmediate(() => console.log('N'));
                  busy(5);
                });
                """, List.of("A", "T", "N"));
    }

    @Test
    void anEarlierImmediateCanClearALaterOneOfTheSameBatch() {
        clock.run(() -> {
            Immediate[] later = new Immediate[2];
            Timers.setImmediate(() -> {
                trace.add("a");
                Timers.clearImmediate(later[1]);
            });
            later[0] = Timers.setImmediate(mark("b"));
            later[1] = Timers.setImmediate(mark("c"));
            Timers.setImmediate(mark("d"));
        });
        assertThat(trace).containsExactly("a", "b", "d");
    }

    @Test
    void anImmediateCanClearTheOneRightAfterIt() {
        clock.run(() -> {
            Immediate[] next = new Immediate[1];
            Timers.setImmediate(() -> {
                trace.add("a");
                next[0].close();
            });
            next[0] = Timers.setImmediate(mark("b"));
            Timers.setImmediate(mark("c"));
        });
        assertThat(trace).containsExactly("a", "c");
    }

    @Test
    void clearingAQueuedImmediateRemovesItAndClearingTwiceOrNullIsHarmless() {
        clock.run(() -> {
            Immediate first = Timers.setImmediate(mark("first"));
            Timers.setImmediate(mark("second"));
            Immediate last = Timers.setImmediate(mark("last"));
            Timers.clearImmediate(first);
            Timers.clearImmediate(first);
            Timers.clearImmediate(last);
            Timers.clearImmediate(null);
            Timers.setImmediate(mark("after"));
        });
        assertThat(trace).containsExactly("second", "after");
    }

    @Test
    void clearingAnImmediateThatAlreadyRanDoesNothing() {
        clock.run(() -> {
            Immediate a = Timers.setImmediate(mark("a"));
            Timers.setTimeout(() -> {
                a.close();
                Timers.setImmediate(mark("b"));
            }, 1);
        });
        assertThat(trace).containsExactly("a", "b");
    }

    @Test
    void anUnrefedImmediateAloneDoesNotRun() {
        clock.run(() -> {
            Immediate im = Timers.setImmediate(mark("unrefed")).unref();
            assertThat(im.hasRef()).isFalse();
        });
        assertThat(trace).isEmpty();
        NodeOracle.assertNodePrints("setImmediate(() => console.log('ran')).unref();", List.of());
    }

    @Test
    void anUnrefedImmediateRunsWhileATimerKeepsTheLoopAliveAndDoesNotMakePollSpin() {
        clock.run(() -> {
            Timers.setImmediate(mark("unrefed")).unref();
            Timers.setTimeout(mark("timer"), 50);
        });
        assertThat(trace).containsExactly("unrefed", "timer");
    }

    @Test
    void refAgainMakesAnUnrefedImmediateKeepTheLoopAlive() {
        clock.run(() -> {
            Immediate im = Timers.setImmediate(mark("im"));
            assertThat(im.unref()).isSameAs(im);
            assertThat(im.ref()).isSameAs(im);
            assertThat(im.hasRef()).isTrue();
            assertThat(EventLoop.current().immediateQueue().refCount()).isEqualTo(1);
        });
        assertThat(trace).containsExactly("im");
    }

    @Test
    void anImmediateThatThrowsWithAListenerLetsTheRestOfItsBatchRun() {
        clock.run(() -> {
            dev.eventide.process.Proc.on("uncaughtException", e -> trace.add("caught " + ((Throwable) e[0]).getMessage()));
            Timers.setImmediate(() -> {
                trace.add("a");
                throw new IllegalStateException("x");
            });
            Timers.setImmediate(mark("b"));
        });
        assertThat(trace).containsExactly("a", "caught x", "b");
        NodeOracle.assertNodePrints("""
                process.on('uncaughtException', e => console.log('caught ' + e.message));
                setImmediate(() => { console.log('a'); throw new Error('x'); });
                setImmediate(() => console.log('b'));
                """, List.of("a", "caught x", "b"));
    }
}
