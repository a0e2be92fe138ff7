package dev.eventide.loop;

import java.util.List;

/**
 * A snapshot of the worker pool: its two lanes and one {@link WorkStats} per {@link WorkKind}.
 * Immutable; made by {@link WorkerPool#stats()} on any thread. The counters of different kinds
 * are read one after another, not atomically together.
 *
 * @param size threads of the main lane (UV_THREADPOOL_SIZE)
 * @param startedThreads main-lane threads started so far (they are made lazily)
 * @param networkSize threads of the network lane, where {@link WorkKind#DNS} runs
 * @param networkStartedThreads network-lane threads started so far
 * @param kinds one entry per kind, in {@link WorkKind} order
 */
public record PoolStats(int size, int startedThreads, int networkSize, int networkStartedThreads,
        List<WorkStats> kinds) {

    public PoolStats {
        kinds = List.copyOf(kinds);
    }

    /** The statistics of one kind. */
    public WorkStats of(WorkKind kind) {
        return kinds.get(kind.ordinal());
    }

    /** Work waiting for a thread on either lane. */
    public int queued() {
        return kinds.stream().mapToInt(WorkStats::queued).sum();
    }
}
