package dev.eventide.stream;

import dev.eventide.buffer.StringDecoder;
import dev.eventide.loop.Task;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The state of a readable stream (or of a duplex stream's readable side): Node's
 * ReadableState, one named field per flag instead of a bit field. Loop thread only.
 */
public final class ReadableState {
    /** Chunks are any objects, each counting 1 toward the highWaterMark. */
    final boolean objectMode;
    /** Buffer level at which push() starts returning false (bytes, chars, or objects). */
    int highWaterMark;
    /** Chunks waiting to be read: Bytes, Strings (with a decoder) or objects. */
    final ArrayDeque<Object> buffer = new ArrayDeque<>(2);
    /** Sum of the buffered chunks' lengths (their count in object mode). */
    int length;
    /** The streams this one is piped into; an ArrayList whenever it is not empty. */
    List<StreamBase> pipes = List.of();
    /** The pipe destinations whose 'drain' this stream waits for; null until a pipe needs it. */
    private Set<StreamBase> awaitDrainWriters;
    /** True once more than one pipe exists: awaitDrainWriters is then a set, never "absent". */
    boolean multiAwaitDrain;

    /** push(null) was called: no more data will be added. */
    boolean ended;
    /** 'end' was emitted. */
    boolean endEmitted;
    /** A _read() call is in progress (it has not pushed yet). */
    boolean reading;
    /** True inside _read() (and before the first read): events must wait for a later tick. */
    boolean sync = true;
    /** A 'readable' event is wanted as soon as data arrives. */
    boolean needReadable;
    /** A 'readable' event is scheduled or was emitted and not read from yet. */
    boolean emittedReadable;
    /** Someone listens to 'readable': the stream then never flows by itself. */
    boolean readableListening;
    /** A resume_() is queued in nextTick. */
    boolean resumeScheduled;
    /** 'error' was emitted; it must not be emitted again. */
    boolean errorEmitted;
    /** Whether destroy emits 'close'. */
    final boolean emitClose;
    /** Whether the stream destroys itself after 'end' (and, for a duplex, 'finish'). */
    final boolean autoDestroy;
    /** destroy() was called. */
    boolean destroyed;
    /** _destroy() called back: the underlying resource is released. */
    boolean closed;
    /** 'close' was emitted (or would have been, with emitClose off). */
    boolean closeEmitted;
    /** A maybeReadMore_() is queued in nextTick. */
    boolean readingMore;
    /**
     * This stream's nextTick callbacks (emitReadable_, maybeReadMore_, resume_, endReadableNT),
     * made on first use and reused: a long-lived stream such as a keep-alive socket queues them
     * again and again. A flag keeps each but the last from being queued twice, and
     * endReadableNT does nothing the second time.
     */
    Task emitReadableTask;
    Task maybeReadMoreTask;
    Task resumeTask;
    Task endReadableTask;
    /** 'data' was emitted at least once. */
    boolean dataEmitted;
    /** At least one 'data' listener is attached. */
    boolean dataListening;
    /** Whether flowing was ever set: with {@link #flowing} it is Node's null/true/false. */
    boolean hasFlowing;
    /** The stream is in flowing mode (meaningful when {@link #hasFlowing}). */
    boolean flowing;
    /** Whether pause()/resume() was ever called: with {@link #paused} it is Node's paused. */
    boolean hasPaused;
    /** pause() was called last. */
    boolean paused;
    /** False for a duplex stream built with readable(false). */
    boolean readable = true;
    /** False until a _construct has called back: no _read before that. */
    boolean constructed = true;
    /** The first error, or null; no more data or 'readable' once set. */
    Throwable errored;
    /** Turns bytes into strings after setEncoding(), or null. */
    StringDecoder decoder;
    /** The setEncoding() encoding, or null. */
    String encoding;
    /** Encoding for strings pushed without one. */
    String defaultEncoding = "utf8";

    ReadableState(StreamOptions o, boolean isDuplex) {
        objectMode = Boolean.TRUE.equals(o.objectMode) || (isDuplex && Boolean.TRUE.equals(o.readableObjectMode));
        highWaterMark = StreamBase.highWaterMark(o, isDuplex ? o.readableHighWaterMark : null, objectMode);
        emitClose = o.emitClose;
        autoDestroy = o.autoDestroy;
        if (o.defaultEncoding != null) {
            defaultEncoding = o.defaultEncoding;
        }
        if (o.encoding != null) {
            decoder = new StringDecoder(o.encoding);
            encoding = decoder.encoding().nodeName();
        }
    }

    public int length() {
        return length;
    }

    public int highWaterMark() {
        return highWaterMark;
    }

    public boolean objectMode() {
        return objectMode;
    }

    public boolean ended() {
        return ended;
    }

    public boolean endEmitted() {
        return endEmitted;
    }

    /** Node's readableFlowing: null before any mode was chosen, else whether it flows. */
    public Boolean flowing() {
        return hasFlowing ? flowing : null;
    }

    public boolean destroyed() {
        return destroyed;
    }

    public Throwable errored() {
        return errored;
    }

    /** Node's pipesCount. */
    public int pipesCount() {
        return pipes.size();
    }

    boolean awaitingDrain() {
        return multiAwaitDrain || (awaitDrainWriters != null && !awaitDrainWriters.isEmpty());
    }

    /** The set, made on first use: most streams are never piped, and an empty one costs 300 bytes. */
    Set<StreamBase> awaitDrainWriters() {
        if (awaitDrainWriters == null) {
            awaitDrainWriters = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        return awaitDrainWriters;
    }

    /**
     * Forgets the writers awaited for 'drain'. Called for every chunk read or emitted, and
     * IdentityHashMap.clear() wipes its whole table even when empty (a fifth of the time of a
     * 1 GiB pass-through pipeline in a profile), so the usual empty case returns at once.
     */
    void clearAwaitDrain() {
        if (awaitDrainWriters != null && !awaitDrainWriters.isEmpty()) {
            awaitDrainWriters.clear();
        }
    }
}
