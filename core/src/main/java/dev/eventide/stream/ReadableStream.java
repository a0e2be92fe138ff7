package dev.eventide.stream;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.StringDecoder;
import dev.eventide.events.AsyncIterator;
import dev.eventide.events.EventEmitter;
import dev.eventide.events.Listener;

/**
 * Node's stream.Readable (named so because {@code java.lang.Readable} exists). Data is pushed
 * by {@code _read} (an override or {@link StreamOptions#read}) and consumed in paused mode
 * ('readable' + read()) or flowing mode ('data', resume(), pipe()). Loop thread only.
 *
 * <p>As in Node, adding a 'data' listener starts the flow (unless paused explicitly) and
 * adding a 'readable' listener switches to paused mode; both go through {@link #on}. Node's
 * operators (map, filter, toArray, reduce, ...) come from StreamOperators.
 */
public non-sealed class ReadableStream extends StreamBase implements StreamOperators {
    /** reduce()'s function: the next accumulator (or a thenable of it) from the current one and a value. */
    @FunctionalInterface
    public interface Reducer {
        Object apply(Object accumulator, Object value) throws Exception;
    }

    /** A readable stream whose {@code _read} comes from {@code options} or an override. */
    public ReadableStream(StreamOptions options) {
        super(options);
        readableState = new ReadableState(this.options, false);
        applySignal();
        Construct.start(this);
    }

    /** A readable stream with Node's defaults; override {@code _read}. */
    public ReadableStream() {
        this(null);
    }

    /** For duplex streams: both states are made by the subclass. */
    ReadableStream(StreamOptions options, boolean isDuplex) {
        super(options);
        readableState = new ReadableState(this.options, isDuplex);
    }

    /** Node's Readable.from: a stream of the iterable's items (object mode, highWaterMark 1). */
    public static ReadableStream from(Iterable<?> iterable) {
        return ReadableFrom.of(iterable, null);
    }

    public static ReadableStream from(Iterable<?> iterable, StreamOptions options) {
        return ReadableFrom.of(iterable, options);
    }

    /** A stream of an async iterator's values. */
    public static ReadableStream from(AsyncIterator<?> iterator) {
        return ReadableFrom.ofAsync(iterator, null);
    }

    /** A stream of one string or Bytes, pushed whole (not split into characters). */
    public static ReadableStream fromValue(Object value) {
        return ReadableFrom.ofValue(value, null);
    }

    /** Set by wrap(): Node replaces _read with the old stream's resume step. */
    Wrap wrapped;

    /** Produces data: call {@link #push} (now or later) with up to {@code size} bytes. */
    protected void _read(int size) {
        if (wrapped != null) {
            wrapped.read();
            return;
        }
        if (options.read == null) {
            throw ErrorCode.ERR_METHOD_NOT_IMPLEMENTED.make("_read()");
        }
        try {
            options.read.read(this, size);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Adds a chunk (null ends the stream); false means "stop until the next _read". */
    public boolean push(Object chunk) {
        return ReadableLogic.push(this, readableState, chunk, null);
    }

    public boolean push(Object chunk, String encoding) {
        return ReadableLogic.push(this, readableState, chunk, encoding);
    }

    /** Puts a chunk back at the front of the buffer. */
    public boolean unshift(Object chunk) {
        return ReadableLogic.unshift(this, readableState, chunk);
    }

    /** Node's read(): one chunk (or all buffered bytes), or null. */
    public Object read() {
        return ReadableLogic.read(this, ReadableLogic.NAN);
    }

    /** Node's read(n): n bytes (or, at the end, what is left), or null. */
    public Object read(int n) {
        return ReadableLogic.read(this, n);
    }

    @Override
    public EventEmitter on(Object event, Listener listener) {
        super.on(event, listener);
        ReadableState st = readableState;
        if ("data".equals(event)) {
            st.dataListening = true;
            // Lets resume() below be a no-op for once('readable') users.
            st.readableListening |= listenerCount("readable") > 0;
            if (!(st.hasFlowing && !st.flowing)) {
                resume();
            }
        } else if ("readable".equals(event) && !st.endEmitted && !st.readableListening) {
            st.readableListening = true;
            st.needReadable = true;
            st.hasFlowing = true;
            st.flowing = false;
            st.emittedReadable = false;
            if (st.length > 0) {
                ReadableLogic.emitReadable(this);
            } else if (!st.reading) {
                nextTick(() -> read(0));
            }
        }
        return this;
    }

    @Override
    public EventEmitter removeListener(Object event, Listener listener) {
        super.removeListener(event, listener);
        if ("readable".equals(event)) {
            // After 'readable' was emitted but before I/O, to support once('readable') cycles.
            nextTick(this::updateReadableListening);
        } else if ("data".equals(event) && listenerCount("data") == 0) {
            readableState.dataListening = false;
        }
        return this;
    }

    @Override
    public EventEmitter removeAllListeners() {
        super.removeAllListeners();
        nextTick(this::updateReadableListening);
        return this;
    }

    @Override
    public EventEmitter removeAllListeners(Object event) {
        super.removeAllListeners(event);
        if ("readable".equals(event)) {
            nextTick(this::updateReadableListening);
        }
        return this;
    }

    private void updateReadableListening() {
        ReadableState st = readableState;
        st.readableListening = listenerCount("readable") > 0;
        if (st.resumeScheduled && st.hasPaused && !st.paused) {
            // Flowing must be on now, or the queued resume will not flow.
            st.hasFlowing = true;
            st.flowing = true;
        } else if (st.dataListening) {
            resume();
        } else if (!st.readableListening) {
            st.hasFlowing = false;
            st.flowing = false;
        }
    }

    /** Switches to flowing mode ('data' events), in a nextTick. */
    public ReadableStream resume() {
        ReadableState st = readableState;
        if (!st.flowing) {
            st.hasFlowing = true;
            // With 'readable' listeners the stream does not flow, but resume() still runs.
            st.flowing = !st.readableListening;
            ReadableLogic.resume(this, st);
        }
        st.hasPaused = true;
        st.paused = false;
        return this;
    }

    /** Stops 'data' events; data stays buffered. */
    public ReadableStream pause() {
        ReadableState st = readableState;
        if (!(st.hasFlowing && !st.flowing)) {
            st.hasFlowing = true;
            st.flowing = false;
            emit("pause");
        }
        st.hasPaused = true;
        st.paused = true;
        return this;
    }

    public boolean isPaused() {
        ReadableState st = readableState;
        return st.paused || (st.hasFlowing && !st.flowing);
    }

    /** Decodes bytes to strings from now on (the buffered bytes too). */
    public ReadableStream setEncoding(String encoding) {
        ReadableState st = readableState;
        StringDecoder decoder = new StringDecoder(encoding == null ? "utf8" : encoding);
        st.decoder = decoder;
        st.encoding = decoder.encoding().nodeName();
        StringBuilder content = new StringBuilder();
        for (Object data : st.buffer) {
            content.append(data instanceof String s ? s : decoder.write((dev.eventide.buffer.Bytes) data));
        }
        st.buffer.clear();
        if (!content.isEmpty()) {
            st.buffer.add(content.toString());
        }
        st.length = content.length();
        return this;
    }

    /** Pipes into {@code dest} (ending it at the end); returns dest for chaining. */
    public <T extends StreamBase> T pipe(T dest) {
        return pipe(dest, true);
    }

    /** Pipes into {@code dest}; {@code end} false leaves it open at the end. */
    public <T extends StreamBase> T pipe(T dest, boolean end) {
        new Pipe(this, dest, end).start();
        return dest;
    }

    /** Detaches every pipe destination. */
    public ReadableStream unpipe() {
        return Pipe.unpipe(this, null);
    }

    public ReadableStream unpipe(StreamBase dest) {
        return Pipe.unpipe(this, dest);
    }

    /**
     * Node's readable.wrap(oldStream): reads an old-style stream's 'data'/'end'/'error'/'close',
     * pausing it (its public pause()/resume(), when it has them) for backpressure.
     */
    public ReadableStream wrap(EventEmitter stream) {
        return Wrap.wrap(this, stream, Wrap.method(stream, "pause"), Wrap.method(stream, "resume"));
    }

    /** wrap() with explicit pause and resume actions (either may be null). */
    public ReadableStream wrap(EventEmitter stream, Runnable pause, Runnable resume) {
        return Wrap.wrap(this, stream, pause, resume);
    }

    /** Node's readable[Symbol.asyncIterator](): a promise per chunk; consume with forEach. */
    public AsyncIterator<Object> iterator() {
        return new ReadableIterator(this, true);
    }

    /** Node's readable.iterator({destroyOnReturn}). */
    public AsyncIterator<Object> iterator(boolean destroyOnReturn) {
        return new ReadableIterator(this, destroyOnReturn);
    }

    boolean allowHalfOpen() {
        return true;
    }

    public ReadableState readableState() {
        return readableState;
    }

    public int readableLength() {
        return readableState.length;
    }

    public int readableHighWaterMark() {
        return readableState.highWaterMark;
    }

    /** Node's readableFlowing: null, true or false. */
    public Boolean readableFlowing() {
        return readableState.flowing();
    }

    public boolean readableEnded() {
        return readableState.endEmitted;
    }

    public boolean readableObjectMode() {
        return readableState.objectMode;
    }

    public String readableEncoding() {
        return readableState.encoding;
    }

    public boolean readableDidRead() {
        return readableState.dataEmitted;
    }

    public boolean readableAborted() {
        ReadableState r = readableState;
        return r.readable && (r.destroyed || r.errored != null) && !r.endEmitted;
    }
}
