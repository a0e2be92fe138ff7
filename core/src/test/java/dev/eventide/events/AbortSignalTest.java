package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.DomException;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import dev.eventide.loop.Timers;
import dev.eventide.process.Proc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AbortController and AbortSignal: reasons, listener order, once, onabort, errors in listeners,
 * any() and timeout(), checked against node running abort-signal.js (test resources).
 */
class AbortSignalTest {
    private final List<String> log = new ArrayList<>();

    private static final List<String> NODE_TRACE = List.of(
            "aborted:false reason:undefined", "before", "dup", "h2", "event:abort:true", "after-throw",
            "after:true:AbortError|This operation was aborted|20", "kept:AbortError", "threw-reason:true",
            "static:true:given", "any-listener:false", "any2-listener:B", "a-listener:true",
            "any-reason:B pre-aborted:A",
            "ERR_OUT_OF_RANGE:The value of \"delay\" is out of range. It must be >= 0 && <= 4294967295. Received -1",
            "uncaught:boom", "timeout:TimeoutError|The operation was aborted due to timeout|23", "done");

    private static String show(Throwable r) {
        DomException d = (DomException) r;
        return d.name() + "|" + d.getMessage() + "|" + d.code();
    }

    @Test
    void controllerSignalAnyAndTimeoutBehaveAsNodes() throws IOException {
        int code = EventLoop.run(this::scenario);
        assertThat(code).isZero();
        assertThat(log).containsExactlyElementsOf(NODE_TRACE);
        try (InputStream in = getClass().getResourceAsStream("abort-signal.js")) {
            NodeOracle.assertNodePrints(new String(in.readAllBytes(), StandardCharsets.UTF_8), NODE_TRACE);
        }
    }

    private void scenario() {
        AbortController c = new AbortController();
        AbortSignal sig = c.signal();
        log.add("aborted:" + sig.aborted() + " reason:" + (sig.reason() == null ? "undefined" : sig.reason()));
        Listener l = e -> log.add("dup");
        sig.addEventListener("abort", l);
        sig.addEventListener("abort", l);
        Listener l2 = e -> log.add("removed");
        sig.addEventListener("abort", e -> sig.removeEventListener("abort", l2));
        sig.addEventListener("abort", l2);
        sig.onabort(e -> log.add("h1"));
        sig.addEventListener("abort", e -> {
            AbortSignal.Event ev = (AbortSignal.Event) e[0];
            log.add("event:" + ev.type() + ":" + (ev.target() == sig));
        }, true);
        sig.onabort(e -> log.add("h2"));
        sig.addEventListener("abort", e -> {
            throw new IllegalStateException("boom");
        });
        sig.addEventListener("abort", e -> log.add("after-throw"));
        Proc.on("uncaughtException", a -> log.add("uncaught:" + ((Throwable) a[0]).getMessage()));
        log.add("before");
        c.abort();
        log.add("after:" + sig.aborted() + ":" + show(sig.reason()));
        c.abort(new RuntimeException("again"));
        log.add("kept:" + ((DomException) sig.reason()).name());
        try {
            sig.throwIfAborted();
        } catch (DomException e) {
            log.add("threw-reason:" + (e == sig.reason()));
        }
        AbortSignal s = AbortSignal.abort(new RuntimeException("given"));
        log.add("static:" + s.aborted() + ":" + s.reason().getMessage());
        anyScenario(s);
        try {
            AbortSignal.timeout(-1);
        } catch (NodeError e) {
            log.add(e.code() + ":" + e.getMessage());
        }
        AbortSignal t = AbortSignal.timeout(5);
        t.onabort(e -> log.add("timeout:" + show(t.reason())));
        Timers.setTimeout(() -> log.add("done"), 20);
    }

    private void anyScenario(AbortSignal preAborted) {
        AbortController a = new AbortController();
        AbortController b = new AbortController();
        AbortSignal any = AbortSignal.any(a.signal(), b.signal());
        AbortSignal any2 = AbortSignal.any(any);
        a.signal().addEventListener("abort", e -> log.add("a-listener:" + any.aborted()));
        any.addEventListener("abort", e -> log.add("any-listener:" + any2.aborted()));
        any2.addEventListener("abort", e -> log.add("any2-listener:" + any2.reason().getMessage()));
        b.abort(new RuntimeException("B"));
        a.abort(new RuntimeException("A"));
        log.add("any-reason:" + any.reason().getMessage() + " pre-aborted:"
                + AbortSignal.any(a.signal(), preAborted).reason().getMessage());
    }

    @Test
    @Timeout(30)
    void aTimeoutSignalDoesNotKeepTheLoopAlive() {
        // A ref'd timer would hold the loop for a minute and trip the test's timeout.
        int code = EventLoop.run(() -> AbortSignal.timeout(60_000).addEventListener("abort", e -> log.add("fired")));
        assertThat(code).isZero();
        assertThat(log).isEmpty();
    }

    @Test
    void aRemovedOnceListenerAndAnUnsetHandlerDoNotRun() {
        EventLoop.run(() -> {
            AbortController c = new AbortController();
            Listener once = e -> log.add("once");
            c.signal().addEventListener("abort", once, true);
            c.signal().removeEventListener("abort", once);
            c.signal().onabort(e -> log.add("handler"));
            c.signal().onabort(null);
            c.signal().addEventListener("other", e -> log.add("other type"));
            c.abort();
            log.add("aborted:" + c.signal().aborted() + " handler:" + c.signal().onabort());
        });
        assertThat(log).containsExactly("aborted:true handler:null");
    }

    @Test
    void addAbortListenerRunsInAMicrotaskForAnAbortedSignalAndCanBeRemoved() {
        EventLoop.run(() -> {
            Proc.nextTick(() -> log.add("tick"));
            Events.addAbortListener(AbortSignal.abort(), e -> log.add("late:" + e.length));
            AbortController c = new AbortController();
            Events.addAbortListener(c.signal(), e -> log.add("listener:" + ((AbortSignal.Event) e[0]).type()));
            AbortController c2 = new AbortController();
            Runnable dispose = Events.addAbortListener(c2.signal(), e -> log.add("never"));
            dispose.run();
            c.abort();
            c2.abort();
            log.add("sync");
        });
        // node: listener abort, sync, tick, late (queueMicrotask after nextTick)
        assertThat(log).containsExactly("listener:abort", "sync", "tick", "late:0");
    }

    @Test
    void aSignalIsTouchedOnItsLoopThreadOnly() throws Exception {
        AbortController[] made = new AbortController[1];
        EventLoop.run(() -> made[0] = new AbortController());
        Thread other = new Thread(() -> {
            try {
                made[0].abort();
            } catch (NodeError e) {
                log.add(e.code());
            }
        });
        other.start();
        other.join();
        assertThat(log).containsExactly("ERR_WRONG_THREAD");
        assertThat(made[0].signal().aborted()).isFalse();
        assertThatThrownBy(() -> AbortSignal.any(java.util.Arrays.asList(made[0].signal(), null)))
                .hasMessageContaining("\"signals[1]\" argument must be an instance of AbortSignal");
    }
}
