package dev.eventide.loop;

import java.util.ArrayDeque;

/**
 * The two microtask queues of one loop and the one method that drains them, as Node's
 * {@code processTicksAndRejections}. Loop thread only.
 *
 * <p>After every callback the loop invokes, {@link #drain()} runs: all nextTicks (including
 * ticks queued by ticks), then every promise job and queueMicrotask callback (including jobs
 * queued meanwhile), and again while either queue refills; then unhandled rejections are
 * reported, which may queue more. A tick queued by a promise job therefore waits until the
 * promise queue is empty.
 */
final class Microtasks {
    private final EventLoop loop;
    private final ArrayDeque<Task> ticks = new ArrayDeque<>();
    private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
    final RejectionTracker rejections;

    Microtasks(EventLoop loop) {
        this.loop = loop;
        this.rejections = new RejectionTracker(loop);
    }

    void nextTick(Task task) {
        ticks.add(task);
    }

    /** A promise job: never throws (promise reactions catch their own errors). */
    void enqueueJob(Runnable job) {
        jobs.add(job);
    }

    /** queueMicrotask: an escaping error is reported as uncaught at once, and draining goes on. */
    void queueMicrotask(Task task) {
        jobs.add(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                loop.reportUncaught(t, "uncaughtException");
            }
        });
    }

    boolean isEmpty() {
        return ticks.isEmpty() && jobs.isEmpty();
    }

    /** Whether a drain has anything to do (Node's hasTickScheduled || hasRejectionToWarn). */
    boolean hasPending() {
        return !ticks.isEmpty() || !jobs.isEmpty() || rejections.hasPending();
    }

    /**
     * Empties both queues and reports rejections. An error escaping a tick propagates to the
     * caller (the loop reports it), leaving the rest queued for the next drain, as in Node.
     */
    void drain() throws Exception {
        do {
            Task tick;
            while ((tick = ticks.poll()) != null) {
                tick.run();
                if (loop.stopping()) {
                    return;
                }
            }
            runJobs();
            if (loop.stopping()) {
                return;
            }
        } while (!ticks.isEmpty() || rejections.process());
    }

    private void runJobs() {
        Runnable job;
        while ((job = jobs.poll()) != null) {
            job.run();
            if (loop.stopping()) {
                return;
            }
        }
    }
}
