package dev.eventide.web;

import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.WritableStream;
import java.util.function.Consumer;

/**
 * The writable {@link Session} puts in front of {@code res.stream()}: before the first body byte
 * passes (so before the headers go out) it lets the session set its cookie, and it holds the
 * end of the response back until the session is saved, as express-session does by wrapping
 * res.writeHead and res.end. Chunks pass through with the inner stream's backpressure.
 * Loop thread only.
 */
final class SessionStream extends WritableStream {
    private final WritableStream inner;
    private final Runnable beforeFirstByte;
    /** Given the step that ends the inner stream; runs it once the session is saved. */
    private final Consumer<Runnable> beforeEnd;

    SessionStream(WritableStream inner, Runnable beforeFirstByte, Consumer<Runnable> beforeEnd) {
        this.inner = inner;
        this.beforeFirstByte = beforeFirstByte;
        this.beforeEnd = beforeEnd;
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback callback) {
        beforeFirstByte.run();
        if (inner.write(chunk)) {
            callback.call(null);
        } else {
            inner.once("drain", args -> callback.call(null));
        }
    }

    @Override
    protected void _final(StreamCallback callback) {
        beforeFirstByte.run();
        beforeEnd.accept(() -> {
            inner.end();
            callback.call(null);
        });
    }
}
