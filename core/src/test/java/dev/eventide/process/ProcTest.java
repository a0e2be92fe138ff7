package dev.eventide.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import dev.eventide.loop.ProcessWarning;
import dev.eventide.loop.Stderr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Proc}: argv, emitWarning, the event methods, exit codes and the plain accessors. */
class ProcTest {
    private final FakeClock clock = new FakeClock();
    private final List<String> trace = new ArrayList<>();

    @Test
    void argvIsWhatTheLoopWasStartedWith() {
        List<String> argv = List.of("/usr/bin/java", "script.java", "--flag", "x");
        List<List<String>> seen = new ArrayList<>();
        assertThat(EventLoop.run(argv, () -> seen.add(Proc.argv()))).isZero();
        assertThat(seen).containsExactly(argv);
        assertThatThrownBy(() -> seen.get(0).add("y")).isInstanceOf(UnsupportedOperationException.class);
        clock.run(() -> assertThat(Proc.argv()).isEmpty());
    }

    @Test
    void emitWarningEmitsOnTheNextTickAndPrintsToStderr() {
        List<ProcessWarning> warnings = new ArrayList<>();
        var out = Stderr.capture(() -> clock.run(() -> {
            Proc.on("warning", a -> {
                warnings.add((ProcessWarning) a[0]);
                trace.add("warning event");
            });
            Proc.emitWarning("plain");
            Proc.emitWarning("custom", "DeprecationWarning", "DEP0001");
            Proc.nextTick(() -> trace.add("tick queued after"));
            trace.add("sync");
        }));
        assertThat(trace).containsExactly("sync", "warning event", "warning event", "tick queued after");
        assertThat(warnings).extracting(ProcessWarning::type).containsExactly("Warning", "DeprecationWarning");
        assertThat(warnings.get(1).code()).isEqualTo("DEP0001");
        long pid = ProcessHandle.current().pid();
        assertThat(out.text()).contains("(eventide:" + pid + ") Warning: plain")
                .contains("(eventide:" + pid + ") [DEP0001] DeprecationWarning: custom");
    }

    @Test
    void emitWarningWithoutAMessageIsInvalidArgType() {
        clock.run(() -> assertThatThrownBy(() -> Proc.emitWarning(null))
                .isInstanceOf(NodeError.class)
                .hasMessage("The \"warning\" argument must be of type string or an instance of Error. Received null"));
    }

    @Test
    void onOnceOffEmitAndListenerCountUseTheLoopsProcessObject() {
        clock.run(() -> {
            dev.eventide.events.Listener l = a -> trace.add("on " + a[0]);
            Proc.on("custom", l);
            Proc.once("custom", a -> trace.add("once " + a[0]));
            assertThat(Proc.listenerCount("custom")).isEqualTo(2);
            assertThat(Proc.emit("custom", 1)).isTrue();
            Proc.emit("custom", 2);
            Proc.off("custom", l);
            assertThat(Proc.emit("custom", 3)).isFalse();
            assertThat(Proc.object().loop()).isSameAs(EventLoop.current());
        });
        assertThat(trace).containsExactly("on 1", "once 1", "on 2");
    }

    @Test
    void exitCodeIsReadAndWritten() {
        assertThat(clock.exitCode(() -> {
            assertThat(Proc.exitCode()).isZero();
            Proc.exitCode(3);
            assertThat(Proc.exitCode()).isEqualTo(3);
        })).isEqualTo(3);
    }

    @Test
    void theAccessorsDescribeThisProcess() {
        clock.run(() -> {
            assertThat(Proc.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(Proc.platform()).isIn("linux", "darwin", "win32", System.getProperty("os.name").toLowerCase());
            assertThat(Proc.cwd()).isEqualTo(System.getProperty("user.dir"));
            assertThat(Proc.env()).isEqualTo(System.getenv());
            assertThat(Proc.uptime()).isPositive();
            assertThat(Proc.rss()).isPositive();
            long a = Proc.hrtimeBigint();
            assertThat(Proc.hrtimeBigint()).isGreaterThanOrEqualTo(a);
        });
    }

    @Test
    void procOffALoopThreadIsErrNoLoop() {
        assertThatThrownBy(() -> Proc.on("exit", a -> { })).extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
        assertThatThrownBy(() -> Proc.nextTick(() -> { })).extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
        assertThatThrownBy(() -> Proc.exit(1)).extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_NO_LOOP");
    }
}
