package dev.eventide.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.NodeOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EventEmitter's current basics: adding, removing, emitting, once, errors and bad input. */
class EventEmitterBasicsTest {
    private final EventEmitter e = new EventEmitter();
    private final List<String> trace = new ArrayList<>();

    private Listener mark(String name) {
        return args -> trace.add(name + (args.length > 0 ? ":" + args[0] : ""));
    }

    @Test
    void listenersRunInOrderWithPrependFirstAndOnceOnlyOnce() {
        e.on("x", mark("on"));
        e.once("x", mark("once"));
        e.prependListener("x", mark("prepended"));
        e.prependOnceListener("x", mark("prependedOnce"));
        e.addListener("x", mark("added"));
        assertThat(e.emit("x", 1)).isTrue();
        assertThat(e.emit("x", 2)).isTrue();
        assertThat(e.emit("nothing")).isFalse();
        assertThat(trace).containsExactly("prependedOnce:1", "prepended:1", "on:1", "once:1", "added:1",
                "prepended:2", "on:2", "added:2");
        NodeOracle.assertNodePrints("""
                const e = new (require('events'))(); const m = n => a => console.log(n + ':' + a);
                e.on('x', m('on')); e.once('x', m('once')); e.prependListener('x', m('prepended'));
                e.prependOnceListener('x', m('prependedOnce')); e.addListener('x', m('added'));
                e.emit('x', 1); e.emit('x', 2);
                """, List.of("prependedOnce:1", "prepended:1", "on:1", "once:1", "added:1",
                "prepended:2", "on:2", "added:2"));
    }

    @Test
    void emitIteratesASnapshotSoChangesDuringAnEmitApplyToTheNextOne() {
        Listener b = mark("b");
        e.on("x", args -> {
            trace.add("a");
            e.off("x", b);
            e.on("x", mark("c"));
        });
        e.on("x", b);
        e.emit("x");
        e.emit("x");
        assertThat(trace).containsExactly("a", "b", "a", "c");
    }

    @Test
    void offRemovesTheMostRecentlyAddedInstanceAndOnceWrappersToo() {
        Listener l = mark("l");
        e.on("x", l);
        e.on("x", mark("other"));
        e.on("x", l);
        e.off("x", l);
        assertThat(e.listenerCount("x")).isEqualTo(2);
        e.emit("x");
        assertThat(trace).containsExactly("l", "other");
        Listener o = mark("o");
        e.once("y", o);
        assertThat(e.listeners("y")).containsExactly(o);
        assertThat(e.rawListeners("y").get(0)).isNotSameAs(o);
        e.removeListener("y", o);
        assertThat(e.listenerCount("y")).isZero();
        e.off("absent", o);
    }

    @Test
    void removeAllListenersEmptiesOneEventOrAllAndEventNamesFollows() {
        e.on("a", mark("a"));
        e.on("b", mark("b"));
        assertThat(e.eventNames()).containsExactly("a", "b");
        e.removeAllListeners("a");
        assertThat(e.eventNames()).containsExactly("b");
        e.removeAllListeners();
        assertThat(e.eventNames()).isEmpty();
        assertThat(e.listeners("b")).isEmpty();
    }

    @Test
    void newListenerAndRemoveListenerEventsSeeTheUserListener() {
        Listener l = mark("l");
        e.on("newListener", args -> trace.add("new " + args[0]));
        e.on("removeListener", args -> trace.add("removed " + args[0] + " " + (args[1] == l)));
        e.once("x", l);
        e.off("x", l);
        assertThat(trace).containsExactly("new removeListener", "new x", "removed x true");
    }

    @Test
    void anErrorEventWithoutListenerIsThrownAfterTheMonitorsSawIt() {
        IllegalStateException boom = new IllegalStateException("boom");
        e.on(EventEmitter.ERROR_MONITOR, mark("monitor"));
        assertThatThrownBy(() -> e.emit("error", boom)).isSameAs(boom);
        assertThat(trace).containsExactly("monitor:java.lang.IllegalStateException: boom");
        assertThatThrownBy(() -> e.emit("error", "text")).isInstanceOf(NodeError.class)
                .hasMessage("Unhandled error. ('text')")
                .extracting(t -> ((NodeError) t).code()).isEqualTo("ERR_UNHANDLED_ERROR");
        assertThatThrownBy(() -> e.emit("error")).hasMessage("Unhandled error. (undefined)");
        e.on("error", mark("handled"));
        assertThat(e.emit("error", "x")).isTrue();
    }

    @Test
    void anErrorNameBuiltAtRunTimeIsTheErrorEventAndOtherFiveLetterNamesAreNot() {
        String built = new StringBuilder("rorre").reverse().toString();
        assertThatThrownBy(() -> e.emit(built, "late")).hasMessage("Unhandled error. ('late')");
        e.on(EventEmitter.ERROR_MONITOR, mark("monitor"));
        assertThat(e.emit("event", "x")).isFalse();
        assertThat(e.emit("Error", "y")).isFalse();
        assertThat(trace).isEmpty();
    }

    @Test
    void aListenerThatThrowsStopsTheEmit() {
        e.on("x", args -> {
            throw new java.io.IOException("listener failed");
        });
        e.on("x", mark("never"));
        assertThatThrownBy(() -> e.emit("x")).isInstanceOf(java.io.IOException.class);
        assertThat(trace).isEmpty();
    }

    @Test
    void badInputIsRejectedWithNodesCodes() {
        assertThatThrownBy(() -> e.on("x", null)).isInstanceOf(NodeError.class)
                .hasMessage("The \"listener\" argument must be of type function. Received null");
        assertThatThrownBy(() -> e.setMaxListeners(-1)).extracting(t -> ((NodeError) t).code()).isEqualTo("ERR_OUT_OF_RANGE");
        assertThatThrownBy(() -> EventEmitter.defaultMaxListeners(-1)).extracting(t -> ((NodeError) t).code())
                .isEqualTo("ERR_OUT_OF_RANGE");
    }

    @Test
    void maxListenersDefaultsToTenAndCanBeChanged() {
        assertThat(EventEmitter.defaultMaxListeners()).isEqualTo(10);
        assertThat(e.getMaxListeners()).isEqualTo(10);
        assertThat(e.setMaxListeners(3)).isSameAs(e);
        assertThat(e.getMaxListeners()).isEqualTo(3);
    }
}
