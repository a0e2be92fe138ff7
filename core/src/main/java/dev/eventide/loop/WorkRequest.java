package dev.eventide.loop;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * One piece of pool work (libuv's uv_work_t): runs the callable on a pool thread and hands the
 * result or the error to {@code complete}, still on that pool thread; the loop posts itself the
 * completion from there. The pool counts the work as done between the two steps.
 */
final class WorkRequest<T> implements Runnable {
    private final Callable<T> work;
    private final BiConsumer<T, Throwable> complete;

    WorkRequest(Callable<T> work, BiConsumer<T, Throwable> complete) {
        this.work = work;
        this.complete = complete;
    }

    private T result;
    private Throwable error;

    /** Runs the work (on a pool thread); {@link #deliver} then hands over the outcome. */
    void compute() {
        try {
            result = work.call();
        } catch (Throwable t) {
            error = t;
        }
    }

    void deliver() {
        complete.accept(result, error);
    }

    @Override
    public void run() {
        compute();
        deliver();
    }
}
