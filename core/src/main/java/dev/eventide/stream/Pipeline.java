package dev.eventide.stream;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.ErrorCode;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Events;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code Streams.pipeline(...)}: pipes each stream into the next, counts the ends it waits
 * for, and on the first error destroys every stream not yet finished. Port of Node's
 * lib/internal/streams/pipeline.js for stream arguments. Loop thread only.
 */
final class Pipeline {
    private final List<StreamBase> streams;
    private final StreamCallback callback;
    /** Destroys of the streams, run in order on error or at the end. */
    private final List<StreamCallback> destroys = new ArrayList<>();
    private final List<Runnable> lastStreamCleanup = new ArrayList<>();
    /** The first error (a premature close is replaced by a later real error). */
    private Throwable error;
    /** Ends still awaited: two per pipe (source end, destination finish). */
    private int finishCount;
    /** The callback was scheduled. */
    private boolean done;

    /** The outer signal, or null. */
    private final AbortSignal signal;
    /** Removes the abort listener from the outer signal once the pipeline is done. */
    private Runnable disposeAbort = () -> { };

    Pipeline(List<StreamBase> streams, StreamCallback callback, AbortSignal signal) {
        this.streams = streams;
        this.callback = callback;
        this.signal = signal;
    }

    StreamBase run() {
        if (signal != null) {
            // As Node: an already aborted signal is seen in a microtask, after the streams are piped.
            disposeAbort = Events.addAbortListener(signal, e -> finishImpl(new AbortError(signal.reason()), true));
        }
        StreamBase ret = null;
        for (int i = 0; i < streams.size(); i++) {
            StreamBase stream = streams.get(i);
            boolean reading = i < streams.size() - 1;
            boolean writing = i > 0;
            boolean isLast = i == streams.size() - 1;
            destroys.add(destroyer(stream, reading, writing, isLast));
            StreamCallback onError = err -> {
                if (err != null && !Streams.isAbort(err) && !Streams.isPrematureClose(err)) {
                    finish(err);
                }
            };
            stream.on("error", args -> onError.call((Throwable) args[0]));
            if (i > 0) {
                if (!(ret instanceof ReadableStream src)) {
                    throw dev.eventide.errors.Errors.invalidArgType("streams", "readable streams before the last", ret);
                }
                finishCount += 2;
                pipe(src, stream);
            }
            ret = stream;
        }
        return ret;
    }

    private StreamCallback destroyer(StreamBase stream, boolean reading, boolean writing, boolean isLast) {
        boolean[] finished = {false};
        stream.on("close", args -> finished[0] = true);
        Runnable cleanup = Eos.finished(stream, reading, writing, true, err -> finished[0] = err == null);
        if (isLast && stream.readable()) {
            lastStreamCleanup.add(cleanup);
        }
        return err -> {
            if (finished[0]) {
                return;
            }
            finished[0] = true;
            destroyStream(stream, err != null ? err : ErrorCode.ERR_STREAM_DESTROYED.make("pipe"));
        };
    }

    /** Node's destroyer(stream, err): an unfinished stream destroyed without error gets an AbortError. */
    private static void destroyStream(StreamBase stream, Throwable err) {
        if (stream.destroyed()) {
            return;
        }
        stream.destroy(err);
    }

    private void pipe(ReadableStream src, StreamBase dst) {
        boolean[] ended = {false};
        dst.on("close", args -> {
            if (!ended[0]) {
                // The destination closed before the source completed.
                finish(ErrorCode.ERR_STREAM_PREMATURE_CLOSE.make());
            }
        });
        src.pipe(dst, false);
        Runnable endFn = () -> {
            ended[0] = true;
            dst.pipeEnd();
        };
        if (Eos.isReadableFinished(src)) {
            src.nextTick(endFn::run);
        } else {
            src.once("end", args -> endFn.run());
        }
        Eos.finished(src, true, false, true, err -> {
            ReadableState r = src.readableState;
            if (err != null && Streams.isPrematureClose(err) && r.ended && r.errored == null && !r.errorEmitted) {
                src.once("end", args -> finish(null)).once("error", args -> finish((Throwable) args[0]));
            } else {
                finish(err);
            }
        });
        Eos.finished(dst, false, true, true, this::finish);
    }

    private void finish(Throwable err) {
        finishImpl(err, --finishCount == 0);
    }

    private void finishImpl(Throwable err, boolean last) {
        if (err != null && (error == null || Streams.isPrematureClose(error))) {
            error = err;
        }
        if (error == null && !last) {
            return;
        }
        while (!destroys.isEmpty()) {
            destroys.remove(0).call(error);
        }
        disposeAbort.run();
        if (last && !done) {
            done = true;
            if (error == null) {
                lastStreamCleanup.forEach(Runnable::run);
            }
            Throwable e = error;
            streams.get(0).nextTick(() -> callback.call(e));
        }
    }
}
