package dev.eventide.loop;

/**
 * A timer made by {@code setTimeout} or {@code setInterval}, as Node's {@code Timeout} object.
 * Belongs to the loop that made it; touch it only on that loop's thread.
 */
public final class Timeout {
    final EventLoop loop;
    final Task callback;
    /** Duration in ms after coercion; -1 once cleared (Node's {@code _idleTimeout}). */
    double idleTimeout;
    /** Loop time at which the current countdown started (Node's {@code _idleStart}). */
    long idleStart;
    /** The interval's period, or 0 for a one-shot timer (Node's {@code _repeat}). */
    final double repeat;
    /** True while the timer is not scheduled: fired (one-shot), or cleared. */
    boolean destroyed = true;
    /** Whether it keeps the loop alive while scheduled. */
    boolean refed = true;
    /** Links in its duration's list; null while not in a list. */
    Timeout prev;
    Timeout next;
    TimerList list;

    Timeout(EventLoop loop, Task callback, double after, boolean repeating) {
        this.loop = loop;
        this.callback = callback;
        this.idleTimeout = after;
        this.repeat = repeating ? after : 0;
    }

    /**
     * Restarts the countdown from the current loop time with the same duration; reactivates a
     * timer that has already fired (not one that was cleared), as Node does.
     */
    public Timeout refresh() {
        loop.checkOwner("Timeout");
        loop.timerQueue().refresh(this);
        return this;
    }

    /** Lets the timer keep the loop alive again (the default). */
    public Timeout ref() {
        loop.checkOwner("Timeout");
        loop.timerQueue().setRef(this, true);
        return this;
    }

    /** Stops the timer from keeping the loop alive; it still fires while something else does. */
    public Timeout unref() {
        loop.checkOwner("Timeout");
        loop.timerQueue().setRef(this, false);
        return this;
    }

    /** Whether the timer would keep the loop alive. */
    public boolean hasRef() {
        return refed;
    }

    /** Cancels the timer, as {@code clearTimeout(this)}. */
    public Timeout close() {
        loop.checkOwner("Timeout");
        loop.timerQueue().unenroll(this);
        return this;
    }

    /** The duration in milliseconds after Node's coercion (1 for out-of-range delays). */
    public double delay() {
        return repeat != 0 ? repeat : Math.max(idleTimeout, 0);
    }

    /** Whether the timer is scheduled to fire. */
    public boolean isActive() {
        return !destroyed;
    }
}
