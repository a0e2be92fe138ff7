package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak warning: node 20's text and fields, once per emitter and event, re-armed at one listener. */
class MaxListenersExceededWarningTest {
    private final List<MaxListenersExceededWarning> warnings = new ArrayList<>();

    static final class MyEmitter extends EventEmitter {
    }

    private void collect() {
        Proc.on("warning", args -> warnings.add((MaxListenersExceededWarning) args[0]));
    }

    @Test
    void eleventhListenerWarnsOnceWithNodesMessageAndFields() {
        MyEmitter e = new MyEmitter();
        EventLoop.run(() -> {
            collect();
            for (int i = 0; i < 12; i++) {
                e.on("foo", args -> { });
            }
        });
        assertThat(warnings).hasSize(1);
        MaxListenersExceededWarning w = warnings.get(0);
        assertThat(w.getMessage()).isEqualTo("Possible EventEmitter memory leak detected. 11 foo listeners added to"
                + " [MyEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit");
        assertThat(w.type()).isEqualTo("MaxListenersExceededWarning");
        assertThat(w.emitter()).isSameAs(e);
        assertThat(w.eventType()).isEqualTo("foo");
        assertThat(w.count()).isEqualTo(11);
    }

    @Test
    void warningStackStartsWhereTheListenerWasAdded() {
        EventLoop.run(() -> {
            collect();
            EventEmitter e = new EventEmitter();
            e.setMaxListeners(1);
            e.on("a", args -> { });
            addSecondListener(e);
        });
        StackTraceElement top = warnings.get(0).getStackTrace()[0];
        assertThat(top.getClassName()).isEqualTo(getClass().getName());
        assertThat(top.getMethodName()).isEqualTo("addSecondListener");
    }

    private static void addSecondListener(EventEmitter e) {
        e.on("a", args -> { });
    }

    @Test
    void droppingToOneListenerReArmsTheWarningAsNodeDoes() {
        EventLoop.run(() -> {
            collect();
            EventEmitter e = new EventEmitter();
            e.setMaxListeners(1);
            Listener f = args -> { };
            e.on("b", f);
            e.on("b", f);
            e.off("b", f);
            e.on("b", f);
            e.removeAllListeners("b");
            e.on("b", f);
            e.on("b", f);
        });
        // Node 20 prints three warnings for this sequence (2 -> 1 -> 2, and after removeAll).
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w.count()).isEqualTo(2));
    }

    @Test
    void zeroMeansUnlimited() {
        EventLoop.run(() -> {
            collect();
            EventEmitter e = new EventEmitter();
            e.setMaxListeners(0);
            for (int i = 0; i < 50; i++) {
                e.on("x", args -> { });
            }
        });
        assertThat(warnings).isEmpty();
    }
}
