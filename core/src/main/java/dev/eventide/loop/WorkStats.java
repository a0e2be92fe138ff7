package dev.eventide.loop;

/**
 * A snapshot of one kind of worker-pool work: how much waits, how much runs, and how long both
 * took since the process started. Immutable; made by {@link WorkerPool#stats()} on any thread.
 *
 * <p>Wait time is from submission until a pool thread picks the work up; run time is the work
 * itself, not its completion callback on the loop.
 *
 * @param kind the kind of work
 * @param queued work of this kind waiting for a thread now (the queue depth)
 * @param running work of this kind running now
 * @param completed work of this kind finished so far, successfully or not
 * @param totalWaitNanos summed wait time of completed and running work
 * @param maxWaitNanos the longest single wait seen
 * @param totalRunNanos summed run time of completed work
 * @param maxRunNanos the longest single run seen
 */
public record WorkStats(WorkKind kind, int queued, int running, long completed,
        long totalWaitNanos, long maxWaitNanos, long totalRunNanos, long maxRunNanos) {

    /** Mean wait in nanoseconds of the work that has started (0 when none has). */
    public double meanWaitNanos() {
        long started = completed + running;
        return started == 0 ? 0 : (double) totalWaitNanos / started;
    }

    /** Mean run time in nanoseconds of the completed work (0 when none has completed). */
    public double meanRunNanos() {
        return completed == 0 ? 0 : (double) totalRunNanos / completed;
    }
}
