package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.AbortError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Timers;
import dev.eventide.promise.Promise;
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

    private static final List<String> SIGNAL_TRACE = List.of(
            "once-before:AbortError:ABORT_ERR:The operation was aborted:This operation was aborted",
            "listeners:0,0", "waiting:1,1", "once-during:AbortError:ABORT_ERR:The operation was aborted:R",
            "listeners:0,0", "resolved:7",
            "on-before:AbortError:ABORT_ERR:The operation was aborted:This operation was aborted", "first:1",
            "on-during:AbortError:ABORT_ERR:The operation was aborted:This operation was aborted", "after:true:0",
            "queued:2", "then:AbortError", "end:true");

    private Object show(String tag, Throwable e) {
        AbortError a = (AbortError) e;
        log.add(tag + ":" + a.name() + ":" + a.code() + ":" + a.getMessage() + ":" + a.getCause().getMessage());
        return null;
    }

    private String counts(EventEmitter e) {
        return e.listenerCount("x") + "," + e.listenerCount("error");
    }

    @Test
    void onceAndOnWithASignalRejectWithAnAbortErrorAsNodeDoes() throws Exception {
        EventLoop.run(() -> {
            EventEmitter ee = new EventEmitter();
            Events.once(ee, "x", AbortSignal.abort()).then(v -> null, e -> show("once-before", e))
                    .thenCompose(v -> onceDuring(ee))
                    .thenCompose(v -> onceResolved(ee))
                    .thenCompose(v -> onDuring(ee))
                    .thenCompose(v -> onQueued(ee));
        });
        assertThat(log).containsExactlyElementsOf(SIGNAL_TRACE);
        try (var in = getClass().getResourceAsStream("events-signal.js")) {
            NodeOracle.assertNodePrints(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    SIGNAL_TRACE);
        }
    }

    private Promise<Object> onceDuring(EventEmitter ee) {
        log.add("listeners:" + counts(ee));
        AbortController c = new AbortController();
        Promise<Object[]> p = Events.once(ee, "x", c.signal());
        log.add("waiting:" + counts(ee));
        c.abort(new RuntimeException("R"));
        return p.then(v -> null, e -> show("once-during", e));
    }

    private Promise<Object> onceResolved(EventEmitter ee) {
        log.add("listeners:" + counts(ee));
        AbortController c = new AbortController();
        Promise<Object[]> ok = Events.once(ee, "x", c.signal());
        ee.emit("x", 7);
        return ok.then(args -> {
            log.add("resolved:" + args[0]);
            c.abort();
            return null;
        });
    }

    private Promise<Object> onDuring(EventEmitter ee) {
        try {
            Events.on(ee, "x", AbortSignal.abort());
        } catch (AbortError e) {
            show("on-before", e);
        }
        AbortController c = new AbortController();
        AsyncIterator<Object[]> it = Events.on(ee, "x", c.signal());
        ee.emit("x", 1);
        return it.next().thenCompose(first -> {
            log.add("first:" + first.value()[0]);
            Promise<IterResult<Object[]>> pending = it.next();
            c.abort();
            return pending.then(v -> null, e -> show("on-during", e));
        }).thenCompose(v -> it.next()).then(after -> {
            log.add("after:" + after.done() + ":" + ee.listenerCount("x"));
            return null;
        });
    }

    private Promise<Object> onQueued(EventEmitter ee) {
        AbortController c = new AbortController();
        AsyncIterator<Object[]> it = Events.on(ee, "x", c.signal());
        ee.emit("x", 2);
        c.abort();
        return it.next().thenCompose(r -> {
            log.add("queued:" + r.value()[0]);
            return it.next().then(v -> null, e -> {
                log.add("then:" + ((AbortError) e).name());
                return null;
            });
        }).thenCompose(v -> it.next()).then(r -> {
            log.add("end:" + r.done());
            return null;
        });
    }
}
