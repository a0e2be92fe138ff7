package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.events.EventEmitter;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * readable.wrap() over an old-style EventEmitter stream (backpressure through its pause/resume),
 * then the state properties (readableDidRead, readableAborted, closed, errored, writableCorked,
 * writableNeedDrain, writableAborted, isDisturbed/isErrored/isReadable) along a stream's life;
 * the trace is node's (wrap-props.js).
 */
class ReadableWrapTest {
    private final List<String> log = new ArrayList<>();

    /** An old-style stream: a plain emitter with public pause() and resume(). */
    public static final class OldStream extends EventEmitter {
        private final List<String> log;

        OldStream(List<String> log) {
            this.log = log;
        }

        public void pause() {
            log.add("old-pause");
        }

        public void resume() {
            log.add("old-resume");
        }
    }

    private static final List<String> NODE_TRACE = List.of(
            "disturbed:false readable:true", "old-pause", "old-pause", "length:3", "data:a", "old-resume",
            "data:b", "data:c", "data:d", "end:true didRead:true disturbed:true",
            "close:true aborted:false readable:false", "corked:1 needDrain:false", "needDrain:true aborted:false",
            "errored:kaput aborted:true isErrored:false", "w-error:kaput", "w-closed:true",
            "duplex corked:1 readableAborted:false", "duplex readableAborted:true isErrored:false");

    @Test
    void wrapAndStatePropertiesFollowNode() {
        EventLoop.run(() -> {
            OldStream old = new OldStream(log);
            ReadableStream r = new ReadableStream(new StreamOptions().highWaterMark(2).objectMode(true)).wrap(old);
            log.add("disturbed:" + Streams.isDisturbed(r) + " readable:" + Streams.isReadable(r));
            old.emit("data", "a");
            old.emit("data", "b");
            old.emit("data", "c");
            log.add("length:" + r.readableLength());
            r.on("data", args -> log.add("data:" + args[0]));
            r.on("end", args -> log.add("end:" + r.readableEnded() + " didRead:" + r.readableDidRead()
                    + " disturbed:" + Streams.isDisturbed(r)));
            r.on("close", args -> {
                log.add("close:" + r.closed() + " aborted:" + r.readableAborted() + " readable:"
                        + Streams.isReadable(r));
                writableProperties();
            });
            Timers.setImmediate(() -> {
                old.emit("data", "d");
                old.emit("end");
            });
        });
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        NodeScript.assertNodePrints("wrap-props.js", NODE_TRACE);
    }

    private void writableProperties() {
        WritableStream w = new WritableStream(new StreamOptions().highWaterMark(1)
                .write((c, e, cb) -> Timers.setImmediate(() -> cb.call(null))));
        w.cork();
        log.add("corked:" + w.writableCorked() + " needDrain:" + w.writableNeedDrain());
        w.uncork();
        w.write("xy");
        log.add("needDrain:" + w.writableNeedDrain() + " aborted:" + w.writableAborted());
        w.on("error", args -> log.add("w-error:" + ((Throwable) args[0]).getMessage()));
        w.destroy(new IllegalStateException("kaput"));
        log.add("errored:" + w.errored().getMessage() + " aborted:" + w.writableAborted() + " isErrored:"
                + Streams.isErrored(w));
        w.on("close", args -> {
            log.add("w-closed:" + w.closed());
            DuplexStream d = new DuplexStream(new StreamOptions().read((self, n) -> { })
                    .write((c, e, cb) -> cb.call(null)));
            d.cork();
            log.add("duplex corked:" + d.writableCorked() + " readableAborted:" + d.readableAborted());
            d.destroy();
            log.add("duplex readableAborted:" + d.readableAborted() + " isErrored:" + Streams.isErrored(d));
        });
    }
}
