package dev.eventide.stream;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Node's stream module functions: {@code pipeline} (callback and promise forms) and
 * {@code finished}. Stateless; the streams belong to the calling loop.
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

    /** Node's stream/promises finished. */
    public static Promise<Void> finished(StreamBase stream) {
        Deferred<Void> d = Promise.withResolvers();
        finished(stream, err -> {
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
        return new Pipeline(new ArrayList<>(streams), callback).run();
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
        Deferred<Void> d = Promise.withResolvers();
        pipeline(Arrays.asList(streams), err -> {
            if (err != null) {
                d.reject(err);
            } else {
                d.resolve(null);
            }
        });
        return d.promise();
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
