package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * captureRejections: a rejected promise from an AsyncListener goes to 'error' or to the
 * emitter's RejectionHandler in a nextTick (order recorded from node 20: tick, micro, error).
 */
class AsyncListenerTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void rejectionIsRoutedToErrorAfterTheCurrentMicrotasks() {
        EventLoop.run(() -> {
            EventEmitter e = new EventEmitter(true);
            e.on("x", (AsyncListener) args -> Promise.reject(new RuntimeException("boom " + args[0])));
            e.on("error", args -> log.add("error:" + ((Throwable) args[0]).getMessage()));
            e.emit("x", 1);
            Proc.nextTick(() -> log.add("tick"));
            Promise.resolve().then(v -> log.add("micro"));
        });
        assertThat(log).containsExactly("tick", "micro", "error:boom 1");
    }

    static final class Handler extends EventEmitter implements RejectionHandler {
        final List<String> seen = new ArrayList<>();

        Handler() {
            super(true);
        }

        @Override
        public void onRejection(Throwable err, Object event, Object... args) {
            seen.add(err.getMessage() + ":" + event + ":" + List.of(args));
        }
    }

    @Test
    void rejectionHandlerReceivesTheEventAndItsArguments() {
        Handler h = new Handler();
        EventLoop.run(() -> {
            h.on("y", (AsyncListener) args -> Promise.reject(new RuntimeException("b2")));
            h.emit("y", 7, 8);
        });
        assertThat(h.seen).containsExactly("b2:y:[7, 8]");
    }

    @Test
    void withoutCaptureRejectionsTheRejectionStaysUnhandled() {
        EventLoop.run(() -> {
            Proc.on("unhandledRejection", args -> log.add("unhandled:" + ((Throwable) args[0]).getMessage()));
            EventEmitter e = new EventEmitter();
            e.on("error", args -> log.add("never"));
            e.on("x", (AsyncListener) args -> Promise.reject(new RuntimeException("lost")));
            e.emit("x");
        });
        assertThat(log).containsExactly("unhandled:lost");
    }

    @Test
    void unhandledNonThrowableErrorUsesNodesMessage() {
        EventEmitter e = new EventEmitter();
        NodeError err = catchNodeError(() -> e.emit("error", "x"));
        assertThat(err.code()).isEqualTo("ERR_UNHANDLED_ERROR");
        assertThat(err.getMessage()).isEqualTo("Unhandled error. ('x')");
        assertThat(catchNodeError(() -> e.emit("error", 5)).getMessage()).isEqualTo("Unhandled error. (5)");
        assertThat(catchNodeError(() -> e.emit("error")).getMessage()).isEqualTo("Unhandled error. (undefined)");
    }

    private static NodeError catchNodeError(Runnable r) {
        try {
            r.run();
        } catch (NodeError e) {
            return e;
        }
        throw new AssertionError("no NodeError thrown");
    }
}
