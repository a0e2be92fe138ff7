package dev.eventide.loop;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link LoopClock} for tests: time moves only when the loop parks with a timeout (the park
 * returns at once, as if the wait had passed) or when a test calls {@link #advanceMillis}. A park
 * without a limit really blocks, so work from other threads still wakes the loop.
 */
public final class FakeClock implements LoopClock {
    /** Arbitrary non-zero origin, so code that treats 0 specially is not flattered. */
    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);
    private final long origin = nanos.get();
    private volatile int timedParks;

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void park(long waitNanos) {
        if (waitNanos < 0) {
            LockSupport.park(this);
        } else {
            timedParks++;
            nanos.addAndGet(waitNanos);
        }
    }

    /** Moves time forward, as a callback that keeps the thread busy would. */
    public void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    /** Milliseconds since the clock was made. */
    public long elapsedMillis() {
        return (nanos.get() - origin) / 1_000_000L;
    }

    /** How many times the loop waited with a timeout. */
    public int timedParks() {
        return timedParks;
    }

    /**
     * Runs {@code main} on a fresh loop with this clock and fails unless it exits with 0: an
     * assertion that fails inside a callback becomes an uncaught error (exit code 1), so this
     * is what makes it fail the test.
     */
    public int run(Task main) {
        int code = exitCode(main);
        if (code != 0) {
            throw new AssertionError("the loop exited with code " + code + " (see stderr for the uncaught error)");
        }
        return code;
    }

    /** Runs {@code main} on a fresh loop with this clock; returns the exit code, whatever it is. */
    public int exitCode(Task main) {
        return EventLoop.create(this).runMain(main);
    }
}
