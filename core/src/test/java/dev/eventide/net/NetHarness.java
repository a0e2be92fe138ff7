package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.LoopClock;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs a net scenario on a fresh event loop in its own thread, bounded in time, and collects the
 * trace it logs; compares traces with node's for the same scenario in JavaScript (skipped
 * without node). Used from test threads; the trace list is written by the loop thread only.
 */
final class NetHarness {
    private NetHarness() {}

    /** A loop run's trace and exit code. */
    record Run(List<String> trace, int exitCode) {}

    /** Runs {@code main} (given the trace to log into) to the loop's end; fails after {@code seconds}. */
    static Run run(int seconds, ScenarioMain main) {
        return run(seconds, null, main);
    }

    /** As run(seconds, main), on a loop driven by {@code clock} (a FakeClock), or the system's when null. */
    static Run run(int seconds, LoopClock clock, ScenarioMain main) {
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        Runnable body = () -> {
            try {
                main.run(trace);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
        FutureTask<Integer> task = new FutureTask<>(() -> clock == null ? EventLoop.run(body)
                : EventLoop.create(clock).runMain(body::run));
        Thread t = new Thread(task, "net-test-loop");
        t.setDaemon(true);
        t.start();
        try {
            int code = task.get(seconds, TimeUnit.SECONDS);
            return new Run(List.copyOf(trace), code);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new AssertionError("the loop did not end within " + seconds + " s; trace so far: " + trace);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** The body of a scenario: runs as the loop's main task. */
    @FunctionalInterface
    interface ScenarioMain {
        void run(List<String> trace) throws Exception;
    }

    /** Runs the Java scenario and asserts its trace, and that node prints the same for {@code js}. */
    static List<String> assertSameAsNode(String js, List<String> expected, ScenarioMain main) {
        NodeOracle.assertNodePrints(js, expected);
        Run run = run(20, main);
        assertThat(run.trace()).as("our trace").containsExactlyElementsOf(expected);
        return run.trace();
    }

    /**
     * The sockets this process holds open ("socket:[inode]" links in /proc/self/fd), so that a
     * test can show that a scenario left none behind; null where /proc is missing.
     */
    static Set<String> openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        Set<String> out = new HashSet<>();
        try (Stream<Path> list = Files.list(fds)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (target.startsWith("socket:")) {
                        out.add(target);
                    }
                } catch (IOException e) {
                    // The descriptor closed while we listed (it was the listing's own): not a socket of ours.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tokens of {@code trace} that start with {@code prefix}, in order. */
    static List<String> side(List<String> trace, String prefix) {
        return trace.stream().filter(s -> s.startsWith(prefix)).toList();
    }

    static Task task(Task t) {
        return t;
    }
}
