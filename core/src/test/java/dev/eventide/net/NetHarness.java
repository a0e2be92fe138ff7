package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        FutureTask<Integer> task = new FutureTask<>(() -> EventLoop.run(() -> {
            try {
                main.run(trace);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }));
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

    /** The tokens of {@code trace} that start with {@code prefix}, in order. */
    static List<String> side(List<String> trace, String prefix) {
        return trace.stream().filter(s -> s.startsWith(prefix)).toList();
    }

    static Task task(Task t) {
        return t;
    }
}
