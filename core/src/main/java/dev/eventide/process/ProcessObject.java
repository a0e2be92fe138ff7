package dev.eventide.process;

import dev.eventide.events.EventEmitter;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.LoopHooks;
import dev.eventide.loop.ProcessWarning;

/**
 * Node's {@code process} object for one loop: an EventEmitter that receives the loop's
 * 'uncaughtException', 'unhandledRejection', 'rejectionHandled', 'warning', 'beforeExit' and
 * 'exit' events, and signals ('SIGINT', 'SIGTERM', ...) once something listens for them.
 * Loop thread only; reach it through {@link Proc}.
 */
public final class ProcessObject extends EventEmitter implements LoopHooks {
    private final EventLoop loop;

    ProcessObject(EventLoop loop) {
        this.loop = loop;
        setMaxListeners(0);
        // Node's process does the same: a signal's first listener starts listening for it, the
        // removal of its last stops (Signals).
        on("newListener", a -> {
            if (Signals.isSignal(a[0])) {
                Signals.start(this, (String) a[0]);
            }
        });
        on("removeListener", a -> {
            if (Signals.isSignal(a[0]) && listenerCount(a[0]) == 0) {
                Signals.stop(this, (String) a[0]);
            }
        });
    }

    public EventLoop loop() {
        return loop;
    }

    @Override
    public boolean uncaughtException(Throwable error, String origin) {
        emit("uncaughtExceptionMonitor", error, origin);
        return emit("uncaughtException", error, origin);
    }

    @Override
    public boolean unhandledRejection(Throwable reason, Object promise) {
        return emit("unhandledRejection", reason, promise);
    }

    @Override
    public boolean rejectionHandled(Object promise) {
        return emit("rejectionHandled", promise);
    }

    /** As Node's default 'warning' handler, prints to stderr, then tells the listeners. */
    @Override
    public void warning(ProcessWarning warning) {
        loop.nextTick(() -> {
            if (!Proc.noWarnings()) {
                System.err.println(warning.formatForStderr());
            }
            emit("warning", warning);
        });
    }

    @Override
    public void beforeExit(int code) {
        emit("beforeExit", code);
    }

    @Override
    public void exit(int code) {
        emit("exit", code);
    }

    /** Found through ServiceLoader by the loop. */
    public static final class Provider implements LoopHooks.Provider {
        /** Made by ServiceLoader. */
        public Provider() {
            // Stateless.
        }

        @Override
        public LoopHooks create(EventLoop loop) {
            return new ProcessObject(loop);
        }
    }
}
