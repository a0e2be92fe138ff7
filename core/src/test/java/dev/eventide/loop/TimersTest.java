package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.process.Proc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * setTimeout, setInterval and their clear functions through the {@link Timers} facade: delays,
 * coercion, ordering and intervals, on a {@link FakeClock} so that no test waits for real time.
 */
class TimersTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    private Task mark(String name) {
        return () -> trace.add(name + "@" + clock.elapsedMillis());
    }

    @Test
    void aTimeoutRunsOnceAfterItsDelay() {
        Timeout[] t = new Timeout[1];
        int code = clock.run(() -> t[0] = Timers.setTimeout(mark("a"), 50));
        assertThat(code).isZero();
        assertThat(trace).containsExactly("a@50");
        assertThat(t[0].isActive()).isFalse();
        assertThat(t[0].delay()).isEqualTo(50);
    }

    @Test
    void timeoutsOfOneDurationRunInInsertionOrder() {
        clock.run(() -> {
            Timers.setTimeout(mark("a"), 5);
            Timers.setTimeout(mark("b"), 5);
            Timers.setTimeout(mark("c"), 5);
        });
        assertThat(trace).containsExactly("a@5", "b@5", "c@5");
    }

    @Test
    void shorterTimeoutsRunFirstWhateverTheirInsertionOrder() {
        clock.run(() -> {
            Timers.setTimeout(mark("30"), 30);
            Timers.setTimeout(mark("10"), 10);
            Timers.setTimeout(mark("20"), 20);
        });
        assertThat(trace).containsExactly("10@10", "20@20", "30@30");
    }

    @Test
    void timersOfDifferentDurationsWithEqualDeadlinesRunInCreationOrder() {
        // The 5 ms timer is made 5 ms after the 10 ms one (main is busy): both are due at 10.
        clock.run(() -> {
            Timers.setTimeout(mark("A10"), 10);
            clock.advanceMillis(5);
            Timers.setTimeout(mark("B5"), 5);
        });
        // node prints A10, B5 for the same script on an idle machine; with real time the two
        // deadlines may differ by a millisecond, so this one is not compared with node here.
        assertThat(trace).containsExactly("A10@10", "B5@10");
    }

    @Test
    void aTimerCountsItsDelayFromWhenItWasMadeNotFromTheCachedLoopTime() {
        clock.run(() -> {
            Timers.setTimeout(mark("A"), 10);
            clock.advanceMillis(50);
            Timers.setTimeout(mark("B"), 5);
        });
        assertThat(trace).containsExactly("A@50", "B@55");
        NodeOracle.assertNodePrints("""
                const t0 = Date.now();
                setTimeout(() => console.log('A'), 10);
                while (Date.now() - t0 < 50);
                setTimeout(() => console.log('B'), 5);
                """, List.of("A", "B"));
    }

    @Test
    void zeroNegativeAndNaNDelaysBecomeOneMillisecondInOneList() {
        List<Timeout> made = new ArrayList<>();
        clock.run(() -> {
            made.add(Timers.setTimeout(mark("one"), 1));
            made.add(Timers.setTimeout(mark("zero"), 0));
            made.add(Timers.setTimeout(mark("negative"), -5));
            made.add(Timers.setTimeout(mark("nan"), Double.NaN));
            made.add(Timers.setTimeout(mark("default")));
        });
        assertThat(trace).containsExactly("one@1", "zero@1", "negative@1", "nan@1", "default@1");
        assertThat(made).allSatisfy(t -> assertThat(t.delay()).isEqualTo(1));
    }

    @Test
    void theLargestDelayIsKeptWithoutAWarning() {
        var out = Stderr.capture(() -> clock.run(() -> Timers.setTimeout(mark("max"), 2147483647)));
        assertThat(trace).containsExactly("max@2147483647");
        assertThat(out.text()).doesNotContain("TimeoutOverflowWarning");
    }

    @Test
    void delaysAbove32BitsBecomeOneWithATimeoutOverflowWarning() {
        List<String> warnings = new ArrayList<>();
        var out = Stderr.capture(() -> clock.run(() -> {
            Proc.on("warning", w -> warnings.add(((ProcessWarning) w[0]).type() + ": " + ((ProcessWarning) w[0]).getMessage()));
            Timers.setTimeout(mark("big"), 2147483648.0);
            Timers.setTimeout(mark("inf"), Double.POSITIVE_INFINITY);
        }));
        assertThat(trace).containsExactly("big@1", "inf@1");
        assertThat(warnings).containsExactly(
                "TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.",
                "TimeoutOverflowWarning: Infinity does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.");
        assertThat(out.text()).contains("TimeoutOverflowWarning: 2147483648 does not fit into a 32-bit signed integer.");
    }

    @Test
    void theOverflowWarningPrintsTheDelayAsJavaScriptWould() {
        List<String> messages = new ArrayList<>();
        Stderr.capture(() -> clock.run(() -> {
            Proc.on("warning", w -> messages.add(((ProcessWarning) w[0]).getMessage().lines().findFirst().orElseThrow()));
            Timers.setTimeout(() -> { }, 3e9 + 0.5);
            Timers.setTimeout(() -> { }, 1e20);
            Timers.setTimeout(() -> { }, 1e21);
        }));
        List<String> expected = List.of(
                "3000000000.5 does not fit into a 32-bit signed integer.",
                "100000000000000000000 does not fit into a 32-bit signed integer.",
                "1e+21 does not fit into a 32-bit signed integer.");
        assertThat(messages).containsExactlyElementsOf(expected);
        NodeOracle.Result node = NodeOracle.run("""
                process.on('warning', w => console.log(w.message.split('\\n')[0]));
                setTimeout(() => {}, 3e9 + 0.5); setTimeout(() => {}, 1e20); setTimeout(() => {}, 1e21);
                """);
        if (node != null) {
            assertThat(node.stdout()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aClearedTimeoutNeverRunsAndDoesNotKeepTheLoopAlive() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("cleared"), 100);
            Timers.clearTimeout(t);
            Timers.clearTimeout(t);
            Timers.clearTimeout(null);
            assertThat(t.isActive()).isFalse();
        });
        assertThat(trace).isEmpty();
        assertThat(clock.elapsedMillis()).isZero();
    }

    @Test
    void clearingAFiredTimeoutDoesNothing() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("a"), 5);
            Timers.setTimeout(() -> {
                Timers.clearTimeout(t);
                trace.add("cleared-after-fire");
            }, 10);
        });
        assertThat(trace).containsExactly("a@5", "cleared-after-fire");
    }

    @Test
    void aTimeoutCanClearAnotherDueInTheSamePhase() {
        clock.run(() -> {
            Timeout[] second = new Timeout[1];
            Timers.setTimeout(() -> {
                trace.add("first");
                Timers.clearTimeout(second[0]);
            }, 5);
            second[0] = Timers.setTimeout(mark("second"), 5);
            Timers.setTimeout(mark("third"), 5);
        });
        assertThat(trace).containsExactly("first", "third@5");
    }

    @Test
    void anIntervalRepeatsUntilCleared() {
        clock.run(() -> {
            Timeout[] t = new Timeout[1];
            int[] n = {0};
            t[0] = Timers.setInterval(() -> {
                trace.add("tick@" + clock.elapsedMillis());
                if (++n[0] == 3) {
                    Timers.clearInterval(t[0]);
                }
            }, 10);
        });
        assertThat(trace).containsExactly("tick@10", "tick@20", "tick@30");
    }

    @Test
    void anIntervalsNextPeriodCountsFromWhenItsCallbackStarted() {
        clock.run(() -> {
            Timeout[] t = new Timeout[1];
            int[] n = {0};
            t[0] = Timers.setInterval(() -> {
                trace.add("tick@" + clock.elapsedMillis());
                clock.advanceMillis(4);
                if (++n[0] == 3) {
                    Timers.clearInterval(t[0]);
                }
            }, 10);
        });
        assertThat(trace).containsExactly("tick@10", "tick@20", "tick@30");
    }

    @Test
    void anIntervalDelayedByASlowTimerCountsFromItsOwnStart() {
        clock.run(() -> {
            Timers.setTimeout(() -> {
                trace.add("A@" + clock.elapsedMillis());
                clock.advanceMillis(7);
            }, 10);
            Timeout[] b = new Timeout[1];
            int[] n = {0};
            b[0] = Timers.setInterval(() -> {
                trace.add("B@" + clock.elapsedMillis());
                if (++n[0] == 2) {
                    Timers.clearInterval(b[0]);
                }
            }, 10);
            Timers.setTimeout(mark("D"), 25);
        });
        assertThat(trace).containsExactly("A@10", "B@17", "D@25", "B@27");
        NodeOracle.assertNodePrints("""
                const busy = ms => { const s = Date.now(); while (Date.now() - s < ms); };
                let n = 0;
                setTimeout(() => { console.log('A'); busy(7); }, 10);
                const b = setInterval(() => { console.log('B'); if (++n === 2) clearInterval(b); }, 10);
                setTimeout(() => console.log('D'), 25);
                """, List.of("A", "B", "D", "B"));
    }

    @Test
    void clearingAnIntervalFromInsideItsCallbackStopsIt() {
        clock.run(() -> {
            Timeout[] t = new Timeout[1];
            t[0] = Timers.setInterval(() -> {
                trace.add("once");
                t[0].close();
            }, 3);
        });
        assertThat(trace).containsExactly("once");
    }

    @Test
    void anUnrefedTimeoutDoesNotKeepTheLoopAliveButFiresWhileSomethingElseDoes() {
        clock.run(() -> {
            Timeout alone = Timers.setTimeout(mark("unrefed"), 10).unref();
            assertThat(alone.hasRef()).isFalse();
        });
        assertThat(trace).isEmpty();
        assertThat(clock.elapsedMillis()).isZero();

        clock.run(() -> {
            Timers.setTimeout(mark("unrefed"), 10).unref();
            Timers.setTimeout(mark("refed"), 20);
        });
        assertThat(trace).containsExactly("unrefed@10", "refed@20");
    }

    @Test
    void refAfterUnrefKeepsTheLoopAliveAgain() {
        clock.run(() -> {
            Timeout t = Timers.setTimeout(mark("t"), 10).unref().ref();
            assertThat(t.hasRef()).isTrue();
        });
        assertThat(trace).containsExactly("t@10");
    }

    @Test
    void anUnrefedIntervalStopsWhenNothingElseKeepsTheLoopAlive() {
        clock.run(() -> {
            Timers.setInterval(mark("i"), 10).unref();
            Timers.setTimeout(mark("end"), 25);
        });
        assertThat(trace).containsExactly("i@10", "i@20", "end@25");
    }

    @Test
    void timersMadeThroughTheLoopInstanceBehaveAsTheFacade() {
        clock.run(() -> {
            EventLoop loop = EventLoop.current();
            loop.setTimeout(mark("t"), 4);
            Timeout[] i = new Timeout[1];
            i[0] = loop.setInterval(() -> {
                trace.add("i@" + clock.elapsedMillis());
                i[0].close();
            }, 2);
        });
        assertThat(trace).containsExactly("i@2", "t@4");
    }
}
