package dev.eventide.crypto;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs a test body as a loop's main task and rethrows on the test thread whatever failed inside
 * it (an AssertionError in a callback would otherwise only become exit code 1). Test thread only.
 */
final class OnLoop {
    private OnLoop() {}

    static void run(Task body) {
        Throwable[] failure = new Throwable[1];
        int code = EventLoop.run(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        rethrow(failure[0]);
        if (code != 0) {
            throw new AssertionError("the loop exited with code " + code);
        }
    }

    static <T> T get(Callable<T> body) {
        List<T> box = new ArrayList<>();
        run(() -> box.add(body.call()));
        return box.get(0);
    }

    /** Settles a promise-returning body and returns its value (or throws its rejection). */
    static <T> T await(Callable<dev.eventide.promise.Promise<T>> body) {
        List<T> box = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        run(() -> body.call().then(v -> box.add(v), e -> {
            failure[0] = e;
            return null;
        }));
        rethrow(failure[0]);
        return box.get(0);
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new AssertionError(t);
        }
    }
}
