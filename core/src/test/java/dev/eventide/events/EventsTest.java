package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events.once, Events.on (async iteration) and the module-level helpers, each run on a real loop. */
class EventsTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void onceResolvesWithTheEmitArguments() {
        int code = EventLoop.run(() -> {
            EventEmitter e = new EventEmitter();
            Events.once(e, "data").then(args -> log.add("got:" + args[0] + "," + args[1]));
            e.emit("data", "a", 2);
            log.add("emitted:" + e.listenerCount("data") + "," + e.listenerCount("error"));
        });
        assertThat(code).isZero();
        assertThat(log).containsExactly("emitted:0,0", "got:a,2");
    }

    @Test
    void onceRejectsWhenErrorComesFirstAndRemovesItsListener() {
        EventLoop.run(() -> {
            EventEmitter e = new EventEmitter();
            Events.once(e, "data").then(args -> log.add("never"), err -> log.add("rejected:" + err.getMessage()));
            e.emit("error", new IllegalStateException("bad"));
            log.add("listeners:" + e.listenerCount("data"));
        });
        assertThat(log).containsExactly("listeners:0", "rejected:bad");
    }

    @Test
    void onIteratesQueuedEmitsInOrderAndStopsOnBreak() {
        EventLoop.run(() -> {
            EventEmitter e = new EventEmitter();
            AsyncIterator<Object[]> it = Events.on(e, "tick");
            e.emit("tick", 1);
            e.emit("tick", 2);
            it.forEach(args -> {
                log.add("v:" + args[0]);
                return (Integer) args[0] == 3 ? AsyncIterator.BREAK : null;
            }).then(v -> log.add("done:" + e.listenerCount("tick")));
            Timers.setImmediate(() -> e.emit("tick", 3));
        });
        assertThat(log).containsExactly("v:1", "v:2", "v:3", "done:0");
    }

    @Test
    void onRejectsTheWaitingNextWhenErrorIsEmitted() {
        EventLoop.run(() -> {
            EventEmitter e = new EventEmitter();
            Events.on(e, "x").forEach(args -> null)
                    .then(v -> log.add("never"), err -> log.add("rejected:" + err.getMessage()));
            Timers.setImmediate(() -> e.emit("error", new RuntimeException("boom")));
        });
        assertThat(log).containsExactly("rejected:boom");
    }

    @Test
    void setMaxListenersAppliesToEachEmitterGiven() {
        EventEmitter a = new EventEmitter();
        EventEmitter b = new EventEmitter();
        Events.setMaxListeners(3, a, b);
        assertThat(Events.getMaxListeners(a)).isEqualTo(3);
        assertThat(b.getMaxListeners()).isEqualTo(3);
        Listener l = args -> { };
        a.on("x", l);
        assertThat(Events.getEventListeners(a, "x")).containsExactly(l);
    }
}
