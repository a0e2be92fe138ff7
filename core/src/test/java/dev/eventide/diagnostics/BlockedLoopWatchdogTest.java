package dev.eventide.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocked-loop watchdog on a real loop: one report per incident, naming the blocking code. */
class BlockedLoopWatchdogTest {

    /** The method the test blocks in: the report must name it. */
    static void spinFor(long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aCallbackBlockingFor500MsIsReportedOnceWithItsStack() {
        var stderr = new ByteArrayOutputStream();
        List<Object> warnings = new ArrayList<>();
        List<BlockedLoopWatchdog> dog = new ArrayList<>();
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            dog.add(BlockedLoopWatchdog.start(loop, 100, new PrintStream(stderr, true, StandardCharsets.UTF_8)));
            Proc.on("warning", args -> warnings.add(args[0]));
            loop.setTimeout(() -> spinFor(500), 1);
            loop.setTimeout(() -> dog.getFirst().close(), 700); // the warning is delivered before this
        });
        assertThat(code).isZero();
        String printed = stderr.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("BlockedLoopWarning: the event loop (thread '")
                .contains("busy in dev.eventide.diagnostics.BlockedLoopWatchdogTest.spinFor(BlockedLoopWatchdogTest.java:")
                .containsPattern("at (\\S+/)?dev\\.eventide\\.diagnostics\\.BlockedLoopWatchdogTest\\.spinFor\\(");
        assertThat(printed.split("has been blocked", -1)).hasSize(2); // once per incident
        assertThat(warnings).hasSize(1);
        BlockedLoopWarning w = (BlockedLoopWarning) warnings.getFirst();
        assertThat(w.type()).isEqualTo("BlockedLoopWarning");
        assertThat(w.blockedMillis()).isBetween(400L, 900L);
        assertThat(w.handler()).startsWith("dev.eventide.diagnostics.BlockedLoopWatchdogTest.lambda$");
        assertThat(w.blockingFrame()).startsWith("dev.eventide.diagnostics.BlockedLoopWatchdogTest.spinFor(");
        assertThat(w.getStackTrace()).anyMatch(f -> f.getMethodName().equals("spinFor"));
        assertThat(w.getMessage()).contains("was blocked for").contains("spinFor");
        assertThat(dog.getFirst().incidents()).isEqualTo(1);
    }

    @Test
    void aLoopRunningOnlyShortCallbacksReportsNothing() {
        var stderr = new ByteArrayOutputStream();
        List<Object> warnings = new ArrayList<>();
        List<BlockedLoopWatchdog> dog = new ArrayList<>();
        int[] callbacks = {0};
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            dog.add(BlockedLoopWatchdog.start(loop, 100, new PrintStream(stderr, true, StandardCharsets.UTF_8)));
            Proc.on("warning", args -> warnings.add(args[0]));
            long end = System.nanoTime() + 600_000_000L;
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                callbacks[0]++;
                spinFor(2);
                if (System.nanoTime() < end) {
                    loop.setImmediate(step[0]::run);
                } else {
                    dog.getFirst().close();
                }
            };
            loop.setImmediate(step[0]::run);
        });
        assertThat(code).isZero();
        assertThat(callbacks[0]).isGreaterThan(20);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(dog.getFirst().incidents()).isZero();
    }

    @Test
    void closingStopsWatchingAndTheEnvironmentSettingPicksTheThreshold() {
        int code = EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            assertThat(BlockedLoopWatchdog.startFromEnvironment(loop, "0")).isNull();
            assertThat(BlockedLoopWatchdog.startFromEnvironment(loop, "off")).isNull();
            BlockedLoopWatchdog w = BlockedLoopWatchdog.startFromEnvironment(loop, "250");
            assertThat(w.thresholdMillis()).isEqualTo(250);
            assertThat(BlockedLoopWatchdog.of(loop)).isSameAs(w);
            w.close();
            assertThat(BlockedLoopWatchdog.of(loop)).isNull();
            BlockedLoopWatchdog d = BlockedLoopWatchdog.startFromEnvironment(loop, null);
            assertThat(d.thresholdMillis()).isEqualTo(100);
            d.close();
            assertThat(d.closed()).isTrue();
        });
        assertThat(code).isZero();
    }

    @Test
    void theHandlerIsTheOutermostApplicationFrameAndTheBlockingFrameTheInnermost() {
        StackTraceElement[] stack = {
            new StackTraceElement("java.lang.Thread", "sleep0", "Thread.java", -2),
            new StackTraceElement("app.Service", "query", "Service.java", 40),
            new StackTraceElement("app.Routes", "lambda$get$1", "Routes.java", 12),
            new StackTraceElement("dev.eventide.events.EventEmitter", "emit", "EventEmitter.java", 90),
            new StackTraceElement("app.Main", "lambda$main$0", "Main.java", 7),
            new StackTraceElement("dev.eventide.loop.EventLoop", "invoke", "EventLoop.java", 200),
            new StackTraceElement("dev.eventide.loop.EventLoop", "runMain", "EventLoop.java", 120),
        };
        assertThat(StackFrames.handler(stack)).isEqualTo("app.Routes.lambda$get$1(Routes.java:12)");
        assertThat(StackFrames.blocking(stack)).isEqualTo("app.Service.query(Service.java:40)");
        StackTraceElement[] insideEventide = {
            new StackTraceElement("dev.eventide.buffer.Bytes", "from", "Bytes.java", 3),
            new StackTraceElement("app.Main", "encode", "Main.java", 9),
            new StackTraceElement("dev.eventide.loop.EventLoop", "invoke", "EventLoop.java", 200),
        };
        assertThat(StackFrames.handler(insideEventide)).isEqualTo("app.Main.encode(Main.java:9)");
    }
}
