package dev.eventide.stream;

import dev.eventide.events.Listener;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code src.pipe(dest)}: writes each 'data' chunk to dest, pauses src when dest.write()
 * returns false and resumes it on dest's 'drain', ends dest on src's 'end', and unpipes on
 * dest's 'close', 'finish' or 'error'. Port of Readable.prototype.pipe. Loop thread only.
 */
final class Pipe {
    private final ReadableStream src;
    private final StreamBase dest;
    private final ReadableState state;
    private final boolean doEnd;
    private final Listener onunpipe = this::onunpipe;
    private final Listener onend = args -> onend();
    private final Listener unpipeFn = args -> unpipe();
    private final Listener ondata = this::ondata;
    private final Listener onerror = this::onerror;
    private final Listener onclose = args -> onclose();
    private final Listener onfinish = args -> onfinish();
    /** The 'drain' listener, added the first time dest asks src to wait. */
    private Listener ondrain;
    /** True once the listeners were removed: a late write=false must not pause src any more. */
    private boolean cleanedUp;

    /** Node's unpipeInfo: whether dest already ran its cleanup for this unpipe. */
    static final class UnpipeInfo {
        boolean hasUnpiped;
    }

    Pipe(ReadableStream src, StreamBase dest, boolean end) {
        this.src = src;
        this.dest = dest;
        this.state = src.readableState;
        this.doEnd = end;
    }

    void start() {
        if (state.pipes.size() == 1 && !state.multiAwaitDrain) {
            state.multiAwaitDrain = true;
        }
        if (state.pipes.isEmpty()) {
            state.pipes = new ArrayList<>(1);
        }
        state.pipes.add(dest);
        Listener endFn = doEnd ? onend : unpipeFn;
        if (state.endEmitted) {
            src.nextTick(() -> endFn.call());
        } else {
            src.once("end", endFn);
        }
        dest.on("unpipe", onunpipe);
        src.on("data", ondata);
        // Our error handler goes before the user's.
        dest.prependListener("error", onerror);
        dest.once("close", onclose);
        dest.once("finish", onfinish);
        dest.emit("pipe", src);
        if (dest.writableNeedDrain()) {
            pause();
        } else if (!state.flowing) {
            src.resume();
        }
    }

    private void onunpipe(Object... args) {
        if (args.length > 0 && args[0] == src && args.length > 1 && args[1] instanceof UnpipeInfo info
                && !info.hasUnpiped) {
            info.hasUnpiped = true;
            cleanup();
        }
    }

    private void onend() {
        dest.pipeEnd();
    }

    private void cleanup() {
        dest.removeListener("close", onclose);
        dest.removeListener("finish", onfinish);
        if (ondrain != null) {
            dest.removeListener("drain", ondrain);
        }
        dest.removeListener("error", onerror);
        dest.removeListener("unpipe", onunpipe);
        src.removeListener("end", onend);
        src.removeListener("end", unpipeFn);
        src.removeListener("data", ondata);
        cleanedUp = true;
        // If src waits for this dest's drain, it would never flow again: call it now.
        if (ondrain != null && state.awaitingDrain()
                && (dest.writableState == null || dest.writableState.needDrain)) {
            pipeOnDrain();
        }
    }

    private void pause() {
        if (!cleanedUp) {
            if (state.pipes.size() == 1 && state.pipes.get(0) == dest) {
                state.awaitDrainWriters().clear();
                state.awaitDrainWriters().add(dest);
                state.multiAwaitDrain = false;
            } else if (state.pipes.size() > 1 && state.pipes.contains(dest)) {
                state.awaitDrainWriters().add(dest);
            }
            src.pause();
        }
        if (ondrain == null) {
            ondrain = args -> pipeOnDrain();
            dest.on("drain", ondrain);
        }
    }

    private void pipeOnDrain() {
        state.awaitDrainWriters().remove(dest);
        if (state.awaitDrainWriters().isEmpty() && state.dataListening) {
            src.resume();
        }
    }

    private void ondata(Object... args) {
        if (!dest.pipeWrite(args[0])) {
            pause();
        }
    }

    private void onerror(Object... args) {
        Throwable er = (Throwable) args[0];
        unpipe();
        dest.removeListener("error", onerror);
        if (dest.listenerCount("error") == 0) {
            boolean emitted = (dest.writableState != null && dest.writableState.errorEmitted)
                    || (dest.writableState == null && dest.readableState != null && dest.readableState.errorEmitted);
            if (!emitted) {
                // The user emitted 'error' on the stream directly.
                dest.errorOrDestroy(er, false);
            } else {
                dest.emit("error", er);
            }
        }
    }

    private void onclose() {
        dest.removeListener("finish", onfinish);
        unpipe();
    }

    private void onfinish() {
        dest.removeListener("close", onclose);
        unpipe();
    }

    private void unpipe() {
        unpipe(src, dest);
    }

    /** Node's Readable.prototype.unpipe(dest); null dest removes them all. */
    static ReadableStream unpipe(ReadableStream src, StreamBase dest) {
        ReadableState state = src.readableState;
        if (state.pipes.isEmpty()) {
            return src;
        }
        if (dest == null) {
            List<StreamBase> dests = state.pipes;
            state.pipes = new ArrayList<>(1);
            src.pause();
            for (StreamBase d : dests) {
                d.emit("unpipe", src, new UnpipeInfo());
            }
            return src;
        }
        int index = state.pipes.indexOf(dest);
        if (index == -1) {
            return src;
        }
        state.pipes.remove(index);
        if (state.pipes.isEmpty()) {
            src.pause();
        }
        dest.emit("unpipe", src, new UnpipeInfo());
        return src;
    }
}
