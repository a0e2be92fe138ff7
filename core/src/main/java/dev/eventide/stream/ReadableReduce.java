package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Listener;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;

/**
 * Node 20's readable.reduce(reducer, initial, {signal}) (lib/internal/streams/operators.js).
 * Loop thread only.
 *
 * <p>The reducer's signal belongs to reduce: it aborts when the options' signal does, and when
 * reduce ends either way (Node's {@code finally { ac.abort() }}). The options' signal itself is
 * polled per chunk; one aborted before the start destroys the stream with an AbortError (its
 * cause the reason) and rejects with that error once the stream has finished.
 */
final class ReadableReduce {
    private ReadableReduce() {}

    static Promise<Object> reduce(ReadableStream s, StreamOperators.SignalReducer reducer, boolean hasInitial,
            Object initial, OperatorOptions o) {
        Errors.requireFunction(reducer, "reducer");
        AbortSignal outer = OperatorOptions.signalOf(o);
        if (outer != null && outer.aborted()) {
            return abortedAtStart(s, outer);
        }
        AbortController ac = new AbortController();
        Listener follow = e -> ac.abort();
        if (outer != null) {
            outer.addEventListener("abort", follow, true);
        }
        Object[] acc = {initial};
        boolean[] has = {hasInitial};
        Deferred<Object> result = Promise.withResolvers();
        s.iterator().forEach(value -> {
            if (outer != null && outer.aborted()) {
                throw new AbortError();
            }
            if (!has[0]) {
                acc[0] = value;
                has[0] = true;
                return null;
            }
            return Promise.resolve((Object) reducer.apply(acc[0], value, ac.signal())).then(v -> {
                acc[0] = v;
                return null;
            });
        }).then(v -> {
            end(ac, outer, follow);
            if (has[0]) {
                result.resolve(acc[0]);
            } else {
                result.reject(ErrorCode.ERR_MISSING_ARGS.withMessage("Reduce of an empty stream requires an initial value"));
            }
            return null;
        }, err -> {
            end(ac, outer, follow);
            result.reject(err);
            return null;
        });
        return result.promise();
    }

    /** Node's finally: the reducer's signal aborts; unlike Node, our listener on the outer one goes too. */
    private static void end(AbortController ac, AbortSignal outer, Listener follow) {
        ac.abort();
        if (outer != null) {
            outer.removeEventListener("abort", follow);
        }
    }

    private static Promise<Object> abortedAtStart(ReadableStream s, AbortSignal outer) {
        AbortError err = new AbortError(outer.reason());
        // The error reaches the caller through the promise, not as an unhandled 'error'.
        s.once("error", args -> { });
        s.destroy(err);
        Deferred<Object> result = Promise.withResolvers();
        Streams.finished(s).then(v -> {
            result.reject(err);
            return null;
        }, e -> {
            result.reject(err);
            return null;
        });
        return result.promise();
    }
}
