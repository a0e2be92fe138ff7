package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A stream belongs to its loop's thread (DESIGN: one owner per object): writing, ending,
 * pushing, destroying, adding a listener or emitting from another thread is ERR_WRONG_THREAD,
 * and the stream is left as it was; loop.execute is the way in.
 */
class StreamOwnerThreadTest {
    /** Runs {@code touch} on a second thread while the loop thread waits; returns its error code. */
    private static String fromOtherThread(PassThroughStream s, Consumer<PassThroughStream> touch) throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                touch.accept(s);
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        t.start();
        t.join();
        return thrown.isEmpty() ? "no error" : thrown.get(0) instanceof NodeError ne ? ne.code() : thrown.get(0).toString();
    }

    @Test
    void writeEndPushAndDestroyFromAnotherThreadAreErrWrongThread() {
        List<String> codes = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        EventLoop.create(List.of()).runMain(() -> {
            PassThroughStream s = new PassThroughStream();
            s.on("data", a -> data.add(a[0].toString()));
            codes.add(fromOtherThread(s, x -> x.write("a")));
            codes.add(fromOtherThread(s, x -> x.end()));
            codes.add(fromOtherThread(s, x -> x.push("b")));
            codes.add(fromOtherThread(s, x -> x.destroy()));
            // Untouched by the refused calls: the loop thread still writes, reads and ends it.
            s.write("on loop");
            s.end();
        });
        assertThat(codes).containsExactly("ERR_WRONG_THREAD", "ERR_WRONG_THREAD", "ERR_WRONG_THREAD",
                "ERR_WRONG_THREAD");
        assertThat(data).containsExactly("on loop");
    }

    @Test
    void listenersAndEmitsFromAnotherThreadAreCaughtWhenAssertionsAreOn() {
        boolean assertions = false;
        assert assertions = true;
        assumeTrue(assertions, "the owner check of listeners runs in assertions (tests run with -ea)");
        List<String> codes = new ArrayList<>();
        EventLoop.create(List.of()).runMain(() -> {
            PassThroughStream s = new PassThroughStream();
            codes.add(fromOtherThread(s, x -> x.on("data", a -> { })));
            codes.add(fromOtherThread(s, x -> x.emit("custom")));
            assertThat(s.listenerCount("data")).isZero();
        });
        assertThat(codes).containsExactly("ERR_WRONG_THREAD", "ERR_WRONG_THREAD");
    }

    @Test
    void executeIsTheWayInFromAnotherThread() {
        List<Object> data = new ArrayList<>();
        EventLoop.create(List.of()).runMain(() -> {
            PassThroughStream s = new PassThroughStream();
            s.on("data", a -> data.add(a[0].toString()));
            EventLoop loop = EventLoop.current();
            Thread t = new Thread(() -> loop.execute(() -> s.end("via execute")));
            t.start();
            t.join();
        });
        assertThat(data).containsExactly("via execute");
    }
}
