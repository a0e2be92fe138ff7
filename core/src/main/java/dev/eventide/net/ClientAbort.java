package dev.eventide.net;

import dev.eventide.errors.AbortError;
import dev.eventide.events.AbortSignal;
import dev.eventide.events.Events;
import dev.eventide.loop.EventLoop;
import dev.eventide.stream.StreamBase;

/**
 * The {@code signal} option of a client socket (Node's addClientAbortSignalOption): aborting the
 * signal destroys the socket with an AbortError whose cause is the reason. Loop thread only.
 *
 * <p>As in Node, the signal is looked at in a nextTick, after connect() has started: an already
 * aborted signal destroys the socket then, and a live one gets its listener then.
 */
final class ClientAbort {
    private ClientAbort() {}

    /** Destroys {@code stream} when {@code signal} aborts; a null signal does nothing. */
    static void watch(StreamBase stream, AbortSignal signal) {
        if (signal == null) {
            return;
        }
        EventLoop loop = EventLoop.current();
        Runnable[] dispose = {() -> { }};
        Runnable onAbort = () -> {
            dispose[0].run();
            stream.destroy(new AbortError(signal.reason()));
        };
        if (signal.aborted()) {
            loop.nextTick(onAbort::run);
        } else {
            loop.nextTick(() -> dispose[0] = Events.addAbortListener(signal, e -> onAbort.run()));
        }
    }
}
