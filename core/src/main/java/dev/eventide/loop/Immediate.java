package dev.eventide.loop;

/**
 * A callback queued by {@code setImmediate} for the check phase, as Node's {@code Immediate}.
 * Belongs to the loop that made it; touch it only on that loop's thread.
 */
public final class Immediate {
    final EventLoop loop;
    Task callback;
    /** True once it ran or was cleared. */
    boolean destroyed;
    /** Whether it keeps the loop alive while queued. */
    boolean refed = true;
    Immediate prev;
    Immediate next;

    Immediate(EventLoop loop, Task callback) {
        this.loop = loop;
        this.callback = callback;
    }

    /** Lets the immediate keep the loop alive again (the default). */
    public Immediate ref() {
        loop.checkOwner("Immediate");
        loop.immediateQueue().setRef(this, true);
        return this;
    }

    /** Stops the immediate from keeping the loop alive; it still runs while something else does. */
    public Immediate unref() {
        loop.checkOwner("Immediate");
        loop.immediateQueue().setRef(this, false);
        return this;
    }

    /** Whether the immediate would keep the loop alive. */
    public boolean hasRef() {
        return refed;
    }

    /** Cancels it, as {@code clearImmediate(this)}. */
    public void close() {
        loop.checkOwner("Immediate");
        loop.immediateQueue().clear(this);
    }
}
