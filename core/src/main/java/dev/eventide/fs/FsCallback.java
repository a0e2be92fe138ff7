package dev.eventide.fs;

/**
 * A Node-style completion callback {@code (err, value)}: exactly one of the two is set (value may
 * be null for calls that yield nothing). Runs on the loop that made the call, in the poll phase;
 * what it throws is an uncaught exception, as in Node.
 *
 * @param <T> what the call yields
 */
@FunctionalInterface
public interface FsCallback<T> {
    void call(Throwable err, T value) throws Exception;
}
