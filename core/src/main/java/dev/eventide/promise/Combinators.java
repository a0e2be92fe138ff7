package dev.eventide.promise;

import dev.eventide.errors.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Promise.all, allSettled, race and any, following ECMAScript's steps: each input goes through
 * {@code Promise.resolve} and gets its own {@code then}, in input order, so reactions and
 * settlement order match JavaScript's. Loop thread only.
 */
final class Combinators {
    private Combinators() {}

    static <T> Promise<List<T>> all(List<? extends Thenable<? extends T>> inputs) {
        Errors.requireNonNull(inputs, "iterable", "an iterable");
        Deferred<List<T>> d = Promise.withResolvers();
        Object[] values = new Object[inputs.size()];
        int[] remaining = {1};
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            remaining[0]++;
            adopt(inputs.get(i)).then(v -> {
                values[index] = v;
                if (--remaining[0] == 0) {
                    d.resolve(listOf(values));
                }
                return null;
            }, e -> {
                d.reject(e);
                return null;
            });
        }
        if (--remaining[0] == 0) {
            d.resolve(listOf(values));
        }
        return d.promise();
    }

    static <T> Promise<List<Settled<T>>> allSettled(List<? extends Thenable<? extends T>> inputs) {
        Errors.requireNonNull(inputs, "iterable", "an iterable");
        Deferred<List<Settled<T>>> d = Promise.withResolvers();
        Object[] outcomes = new Object[inputs.size()];
        int[] remaining = {1};
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            remaining[0]++;
            adopt(inputs.get(i)).then(v -> {
                outcomes[index] = Settled.fulfilled(v);
                if (--remaining[0] == 0) {
                    d.resolve(listOf(outcomes));
                }
                return null;
            }, e -> {
                outcomes[index] = Settled.rejected(e);
                if (--remaining[0] == 0) {
                    d.resolve(listOf(outcomes));
                }
                return null;
            });
        }
        if (--remaining[0] == 0) {
            d.resolve(listOf(outcomes));
        }
        return d.promise();
    }

    static <T> Promise<T> race(List<? extends Thenable<? extends T>> inputs) {
        Errors.requireNonNull(inputs, "iterable", "an iterable");
        Deferred<T> d = Promise.withResolvers();
        for (Thenable<? extends T> input : inputs) {
            adopt(input).then(v -> {
                d.resolve(Promise.cast(v));
                return null;
            }, e -> {
                d.reject(e);
                return null;
            });
        }
        return d.promise();
    }

    static <T> Promise<T> any(List<? extends Thenable<? extends T>> inputs) {
        Errors.requireNonNull(inputs, "iterable", "an iterable");
        Deferred<T> d = Promise.withResolvers();
        Throwable[] errors = new Throwable[inputs.size()];
        int[] remaining = {1};
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            remaining[0]++;
            adopt(inputs.get(i)).then(v -> {
                d.resolve(Promise.cast(v));
                return null;
            }, e -> {
                errors[index] = e;
                if (--remaining[0] == 0) {
                    d.reject(new AggregateError(Arrays.asList(errors), "All promises were rejected"));
                }
                return null;
            });
        }
        if (--remaining[0] == 0) {
            d.reject(new AggregateError(Arrays.asList(errors), "All promises were rejected"));
        }
        return d.promise();
    }

    /** ECMAScript's PromiseResolve: a promise of this loop as is, anything else adopted. */
    static <T> Promise<T> adopt(Thenable<? extends T> input) {
        if (input instanceof Promise<?> p && p.loop() == dev.eventide.loop.EventLoop.current()) {
            return Promise.cast(p);
        }
        Deferred<T> d = Promise.withResolvers();
        d.resolveAny(input);
        return d.promise();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> listOf(Object[] values) {
        return (List<T>) java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }
}
