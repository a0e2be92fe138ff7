package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration paths and the newListener/removeListener events (the basics are in EventEmitterBasicsTest). */
class EventEmitterOrderTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void prependedListenersRunFirstAndOnceWrappersUnwrap() {
        EventEmitter e = new EventEmitter();
        Listener a = args -> log.add("a");
        Listener b = args -> log.add("b");
        e.on("x", a);
        e.prependOnceListener("x", b);
        assertThat(e.listeners("x")).containsExactly(b, a);
        assertThat(e.rawListeners("x").get(0)).isNotSameAs(b);
        e.emit("x");
        e.emit("x");
        assertThat(log).containsExactly("b", "a", "a");
    }

    @Test
    void newListenerFiresBeforeTheListenerIsAddedAndRemoveListenerAfterRemoval() {
        EventEmitter e = new EventEmitter();
        Listener l = args -> { };
        e.on("newListener", args -> log.add("new:" + args[0] + ":" + e.listenerCount(args[0])));
        e.on("removeListener", args -> log.add("removed:" + args[0] + ":" + e.listenerCount(args[0])
                + ":" + (args[1] == l)));
        e.once("x", l);
        e.removeListener("x", l);
        assertThat(log).containsExactly("new:removeListener:0", "new:x:0", "removed:x:0:true");
    }

    @Test
    void removeAllListenersRemovesRemoveListenerLast() {
        EventEmitter e = new EventEmitter();
        e.on("a", args -> { });
        e.on("b", args -> { });
        e.on("removeListener", args -> log.add("removed:" + args[0]));
        e.removeAllListeners();
        assertThat(log).containsExactly("removed:a", "removed:b");
        assertThat(e.eventNames()).isEmpty();
    }

    @Test
    void errorMonitorSeesErrorsButDoesNotHandleThem() {
        EventEmitter e = new EventEmitter();
        e.on(EventEmitter.ERROR_MONITOR, args -> log.add("monitor"));
        RuntimeException err = new RuntimeException("x");
        try {
            e.emit("error", err);
        } catch (RuntimeException thrown) {
            log.add("thrown:" + (thrown == err));
        }
        assertThat(log).containsExactly("monitor", "thrown:true");
    }

    @Test
    void listenerCountCanCountOneListener() {
        EventEmitter e = new EventEmitter();
        Listener l = args -> { };
        e.on("x", l);
        e.once("x", l);
        e.on("x", args -> { });
        assertThat(e.listenerCount("x", l)).isEqualTo(2);
        assertThat(e.listenerCount("x")).isEqualTo(3);
    }
}
