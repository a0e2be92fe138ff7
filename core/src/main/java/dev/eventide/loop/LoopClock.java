package dev.eventide.loop;

import java.util.concurrent.locks.LockSupport;

/**
 * The loop's source of monotonic time and its way to wait when it has no I/O to watch. Tests
 * inject a clock they advance by hand, so no test sleeps to wait for a timer.
 */
public interface LoopClock {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits up to {@code nanos} (forever when negative) or until {@link Thread#interrupt}/unpark. */
    void park(long nanos);

    /** The real clock. */
    LoopClock SYSTEM = new LoopClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void park(long nanos) {
            if (nanos < 0) {
                LockSupport.park(this);
            } else if (nanos > 0) {
                LockSupport.parkNanos(this, nanos);
            }
        }
    };
}
