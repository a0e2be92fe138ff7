package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Events;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Node's stream module functions: {@code pipeline} (callback and promise forms),
 * {@code finished} and {@code addAbortSignal}. Stateless; the streams belong to the calling loop.
 */
public final class Streams {
    private Streams() {}

    /** Calls back once {@code stream} is done (ended and/or finished), errored or closed early. Returns a cleanup. */
    public static Runnable finished(StreamBase stream, StreamCallback callback) {
        return Eos.finished(stream, null, null, true, callback);
    }

    /** finished() with Node's {readable, writable, error} options; null means "whatever the stream is". */
    public static Runnable finished(StreamBase stream, Boolean readable, Boolean writable, boolean error,
            StreamCallback callback) {
        return Eos.finished(stream, readable, writable, error, callback);
    }

    /**
     * finished() with Node's {signal} option: when {@code signal} aborts first the watch stops and
     * {@code callback} gets an AbortError (its cause the reason); the stream itself is left alone.
     * An already aborted signal calls back in a nextTick.
     */
    public static Runnable finished(StreamBase stream, AbortSignal signal, StreamCallback callback) {
        if (signal == null) {
            return finished(stream, callback);
        }
        Runnable[] cleanup = new Runnable[1];
        Runnable[] dispose = new Runnable[1];
        boolean[] called = {false};
        StreamCallback once = err -> {
            if (!called[0]) {
                called[0] = true;
                dispose[0].run();
                callback.call(err);
            }
        };
        Runnable abort = () -> {
            cleanup[0].run();
            once.call(new AbortError(signal.reason()));
        };
        if (signal.aborted()) {
            dispose[0] = () -> { };
            cleanup[0] = Eos.finished(stream, null, null, true, once);
            stream.nextTick(abort::run);
        } else {
            dispose[0] = Events.addAbortListener(signal, e -> abort.run());
            cleanup[0] = Eos.finished(stream, null, null, true, once);
        }
        return cleanup[0];
    }

    /** Node's stream/promises finished. */
    public static Promise<Void> finished(StreamBase stream) {
        return finished(stream, (AbortSignal) null);
    }

    /** Node's stream/promises finished(stream, {signal}). */
    public static Promise<Void> finished(StreamBase stream, AbortSignal signal) {
        Deferred<Void> d = Promise.withResolvers();
        finished(stream, signal, err -> {
            if (err != null) {
                d.reject(err);
            } else {
                d.resolve(null);
            }
        });
        return d.promise();
    }

    /**
     * Pipes {@code streams} into each other; {@code callback} runs (in a nextTick) once the last
     * one finished or any failed, and on failure every stream is destroyed. Returns the last one.
     */
    public static StreamBase pipeline(List<? extends StreamBase> streams, StreamCallback callback) {
        if (streams.size() < 2) {
            throw Errors.missingArgs("streams");
        }
        return new Pipeline(new ArrayList<>(streams), callback, null).run();
    }

    public static StreamBase pipeline(StreamBase a, StreamBase b, StreamCallback callback) {
        return pipeline(List.of(a, b), callback);
    }

    public static StreamBase pipeline(StreamBase a, StreamBase b, StreamBase c, StreamCallback callback) {
        return pipeline(List.of(a, b, c), callback);
    }

    public static StreamBase pipeline(StreamBase a, StreamBase b, StreamBase c, StreamBase d,
            StreamCallback callback) {
        return pipeline(List.of(a, b, c, d), callback);
    }

    /** Node's stream/promises pipeline: resolves when the last stream finished, rejects on failure. */
    public static Promise<Void> pipeline(StreamBase... streams) {
        return pipeline(Arrays.asList(streams), (AbortSignal) null);
    }

    /**
     * Node's stream/promises {@code pipeline(...streams, {signal})}: when {@code signal} aborts,
     * every stream not yet finished is destroyed and the promise rejects with an AbortError
     * whose cause is the reason.
     */
    public static Promise<Void> pipeline(List<? extends StreamBase> streams, AbortSignal signal) {
        if (streams.size() < 2) {
            throw Errors.missingArgs("streams");
        }
        Deferred<Void> d = Promise.withResolvers();
        new Pipeline(new ArrayList<>(streams), err -> {
            if (err != null) {
                d.reject(err);
            } else {
                d.resolve(null);
            }
        }, signal).run();
        return d.promise();
    }

    /**
     * Node's {@code stream.addAbortSignal(signal, stream)}: destroys {@code stream} with an
     * AbortError (its cause the reason) when {@code signal} aborts, at once if it already has.
     * The listener goes away when the stream finishes. Returns the stream.
     */
    public static <S extends StreamBase> S addAbortSignal(AbortSignal signal, S stream) {
        Errors.requireNonNull(signal, "signal", "an instance of AbortSignal");
        Errors.requireNonNull(stream, "stream", "an instance of ReadableStream, WritableStream, or Stream");
        Runnable onAbort = () -> stream.destroy(new AbortError(signal.reason()));
        if (signal.aborted()) {
            onAbort.run();
        } else {
            Runnable dispose = Events.addAbortListener(signal, e -> onAbort.run());
            Eos.finished(stream, null, null, true, err -> dispose.run());
        }
        return stream;
    }

    /** Node's stream.isDisturbed (Readable.isDisturbed): whether it was read from or aborted. */
    public static boolean isDisturbed(ReadableStream stream) {
        return stream.readableDidRead() || stream.readableAborted();
    }

    /**
     * Node 20's stream.isErrored: whether 'error' was emitted (the readable side's flag when there
     * is one). Node's streams lack the readableErrored/writableErrored it looks at first, so a
     * stream destroyed with an error counts only once the error is emitted, as in node.
     */
    public static boolean isErrored(StreamBase stream) {
        return stream.readableState != null ? stream.readableState.errorEmitted
                : stream.writableState != null && stream.writableState.errorEmitted;
    }

    /** Node's stream.isReadable: readable, not destroyed, not at its end. */
    public static boolean isReadable(StreamBase stream) {
        if (stream.destroyed()) {
            return false;
        }
        return Eos.isReadableNodeStream(stream) && stream.readable() && !Eos.isReadableFinished(stream);
    }

    static boolean isPrematureClose(Throwable err) {
        return ErrorCode.ERR_STREAM_PREMATURE_CLOSE.is(err);
    }

    static boolean isAbort(Throwable err) {
        return err instanceof NodeError n && "ABORT_ERR".equals(n.code());
    }
}
