package dev.eventide.crypto;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.concurrent.Callable;

/**
 * Sends crypto work to the worker pool and settles a promise with the result on the calling
 * loop in its poll phase, as Node's crypto jobs (CryptoJob with kAsync) do. Called on a loop
 * thread; the work itself runs on a pool thread and must not touch loop objects.
 */
final class CryptoJobs {
    private CryptoJobs() {}

    /** Runs {@code work} on the pool; a check that throws before that rejects, as promisify does. */
    static <T> Promise<T> submit(Callable<T> work) {
        EventLoop loop = EventLoop.current();
        Deferred<T> result = Promise.withResolvers();
        loop.queueWork(WorkKind.CRYPTO, work, (value, error) -> {
            if (error != null) {
                result.reject(error);
            } else {
                result.resolve(value);
            }
        });
        return result.promise();
    }

    /** Validates on the caller's thread (so bad arguments reject at once), then runs {@code job}. */
    static <P, T> Promise<T> submit(Callable<P> check, Job<P, T> job) {
        P params;
        try {
            params = check.call();
        } catch (RuntimeException e) {
            return Promise.reject(e);
        } catch (Exception e) {
            return Promise.reject(e);
        }
        return submit(() -> job.run(params));
    }

    @FunctionalInterface
    interface Job<P, T> {
        T run(P params) throws Exception;
    }
}
