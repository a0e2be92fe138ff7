package dev.eventide.loop;

/**
 * Node's timer globals ({@code setTimeout}, {@code setInterval}, {@code setImmediate}, their
 * {@code clear*} twins and {@code queueMicrotask}) for the loop running on the calling thread.
 * Call them on a loop thread only.
 *
 * <pre>
 *   Timers.setTimeout(() -> System.out.println("later"), 100);
 *   Timers.setImmediate(() -> System.out.println("next check phase"));
 * </pre>
 */
public final class Timers {
    private Timers() {}

    /**
     * Runs {@code callback} once after {@code delay} ms. Delays below 1, above 2^31-1 or NaN
     * become 1, as in Node; timers with equal deadlines run in the order they were created.
     */
    public static Timeout setTimeout(Task callback, double delay) {
        return EventLoop.current().setTimeout(callback, delay);
    }

    /** {@code setTimeout(callback, 0)}: runs in a following timers phase (after at least 1 ms). */
    public static Timeout setTimeout(Task callback) {
        return EventLoop.current().setTimeout(callback, 0);
    }

    /** Runs {@code callback} every {@code delay} ms, each period counted from the callback's start. */
    public static Timeout setInterval(Task callback, double delay) {
        return EventLoop.current().setInterval(callback, delay);
    }

    /** Runs {@code callback} in the check phase of this (or, from a check callback, the next) iteration. */
    public static Immediate setImmediate(Task callback) {
        return EventLoop.current().setImmediate(callback);
    }

    /** Cancels a timeout; null, or a timer already fired or cleared, is ignored as in Node. */
    public static void clearTimeout(Timeout timeout) {
        if (timeout != null) {
            timeout.close();
        }
    }

    /** Cancels an interval; same rules as {@link #clearTimeout}. */
    public static void clearInterval(Timeout interval) {
        clearTimeout(interval);
    }

    /** Cancels an immediate that has not run yet; null is ignored. */
    public static void clearImmediate(Immediate immediate) {
        if (immediate != null) {
            immediate.close();
        }
    }

    /** Queues {@code callback} on the microtask queue, after pending nextTicks (Node's queueMicrotask). */
    public static void queueMicrotask(Task callback) {
        EventLoop.current().queueMicrotask(callback);
    }
}
