package dev.eventide.diagnostics;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A perf_hooks-style observer of garbage collections: its listener receives one
 * {@link GcEntry} per collection, on its loop's thread (the JVM's notification thread hands each
 * entry over with {@code loop.execute}). It does not keep the loop alive; an entry that arrives
 * after the loop has finished is dropped and the observer disconnects itself. Made and
 * disconnected on the loop thread; {@link #disconnect()} is safe from any thread.
 */
public final class GcObserver {
    private final EventLoop loop;
    private final Consumer<GcEntry> listener;
    private final GcNotifications notifications;
    /** False once disconnected: entries already on their way to the loop are then dropped. */
    private volatile boolean connected = true;

    private GcObserver(EventLoop loop, Consumer<GcEntry> listener) {
        this.loop = loop;
        this.listener = listener;
        this.notifications = GcNotifications.listen(this::deliver);
    }

    /** Starts observing on the current loop (Node: {@code observer.observe({entryTypes: ['gc']})}). */
    public static GcObserver observe(Consumer<GcEntry> listener) {
        Errors.requireFunction(listener, "listener");
        return new GcObserver(EventLoop.current(), listener);
    }

    private void deliver(GcEntry entry, long oldGenAfter) {
        if (!connected) {
            return;
        }
        try {
            loop.execute(() -> {
                if (connected) {
                    listener.accept(entry);
                }
            });
        } catch (RejectedExecutionException finished) {
            disconnect();
        }
    }

    /** Stops the entries (Node's {@code observer.disconnect()}). */
    public void disconnect() {
        connected = false;
        notifications.close();
    }

    public boolean connected() {
        return connected;
    }
}
