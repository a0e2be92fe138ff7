package dev.eventide.diagnostics;

import dev.eventide.loop.ProcessWarning;

/**
 * The watchdog's warning: one callback held the event loop longer than the threshold. Its stack
 * trace is the loop thread's stack captured while it was still blocked; {@link #handler()} names
 * the callback the loop invoked and {@link #blockingFrame()} the innermost application frame
 * (where it was spending the time). Immutable.
 */
public final class BlockedLoopWarning extends ProcessWarning {
    private static final long serialVersionUID = 1L;

    private final long blockedMillis;
    private final String handler;
    private final String blockingFrame;
    private final String threadName;

    BlockedLoopWarning(long blockedMillis, StackTraceElement[] stack, String threadName) {
        super("BlockedLoopWarning", message(blockedMillis, stack, threadName), "EVENTIDE_BLOCKED_LOOP");
        this.blockedMillis = blockedMillis;
        this.handler = StackFrames.handler(stack);
        this.blockingFrame = StackFrames.blocking(stack);
        this.threadName = threadName;
        setStackTrace(stack);
    }

    private static String message(long ms, StackTraceElement[] stack, String thread) {
        return "The event loop (thread '" + thread + "') was blocked for " + ms + " ms by one callback: "
                + StackFrames.handler(stack) + ", busy in " + StackFrames.blocking(stack);
    }

    /** How long the callback held the loop, to within the watchdog's check period. */
    public long blockedMillis() {
        return blockedMillis;
    }

    /** The callback the loop invoked, as {@code Class.method(File.java:line)}. */
    public String handler() {
        return handler;
    }

    /** The innermost frame outside the JDK when the stack was captured. */
    public String blockingFrame() {
        return blockingFrame;
    }

    /** The loop's thread. */
    public String threadName() {
        return threadName;
    }
}
