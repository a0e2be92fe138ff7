package dev.eventide.loop;

/**
 * A callback the loop runs: a timer, an immediate, a nextTick, a microtask, an I/O completion.
 * Unlike {@link Runnable} it may throw anything, as a JavaScript callback may; what escapes goes
 * to the process's {@code uncaughtException} handling.
 */
@FunctionalInterface
public interface Task {
    void run() throws Exception;
}
