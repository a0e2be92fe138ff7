package dev.eventide.events;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.ProcessWarning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node's EventEmitter: named events, listeners called synchronously in registration order.
 * Not thread-safe: an emitter is used on one loop thread, like every Node object.
 *
 * <p>Each event's listeners are kept in an array that is replaced, never changed, when a
 * listener is added or removed, so {@code emit} iterates a snapshot taken when it starts: a
 * listener removed during an emit still runs in it, one added runs from the next emit.
 */
public class EventEmitter {
    /** Node's {@code events.errorMonitor}: listeners see 'error' first and do not handle it. */
    public static final Object ERROR_MONITOR = new Object() {
        @Override
        public String toString() {
            return "Symbol(events.errorMonitor)";
        }
    };

    private static volatile int defaultMaxListeners = 10;

    /** Event name to listeners; insertion-ordered for {@link #eventNames()}. */
    private final Map<Object, Listener[]> events = new LinkedHashMap<>();
    /** -1 means "use the default". */
    private int maxListeners = -1;
    /** Events that already produced a MaxListenersExceededWarning. */
    private List<Object> warned;

    /** An emitter with no listeners. */
    public EventEmitter() {
        // Listeners are added with on/once.
    }

    /** Node's {@code EventEmitter.defaultMaxListeners}. */
    public static int defaultMaxListeners() {
        return defaultMaxListeners;
    }

    public static void defaultMaxListeners(int n) {
        if (n < 0) {
            throw dev.eventide.errors.Errors.outOfRange("defaultMaxListeners", "a non-negative number", n);
        }
        defaultMaxListeners = n;
    }

    public EventEmitter on(Object event, Listener listener) {
        return add(event, listener, false);
    }

    public EventEmitter addListener(Object event, Listener listener) {
        return add(event, listener, false);
    }

    public EventEmitter prependListener(Object event, Listener listener) {
        return add(event, listener, true);
    }

    /** Adds a listener that is removed before its first call. */
    public EventEmitter once(Object event, Listener listener) {
        return add(event, new OnceWrapper(this, event, listener), false);
    }

    public EventEmitter prependOnceListener(Object event, Listener listener) {
        return add(event, new OnceWrapper(this, event, listener), true);
    }

    public EventEmitter off(Object event, Listener listener) {
        return removeListener(event, listener);
    }

    private EventEmitter add(Object event, Listener listener, boolean prepend) {
        dev.eventide.errors.Errors.requireFunction(listener, "listener");
        if (events.containsKey("newListener")) {
            emit("newListener", event, unwrap(listener));
        }
        Listener[] old = events.get(event);
        Listener[] now;
        if (old == null) {
            now = new Listener[] {listener};
        } else {
            now = new Listener[old.length + 1];
            System.arraycopy(old, 0, now, prepend ? 1 : 0, old.length);
            now[prepend ? 0 : old.length] = listener;
        }
        events.put(event, now);
        checkLeak(event, now.length);
        return this;
    }

    private void checkLeak(Object event, int count) {
        int max = getMaxListeners();
        if (max <= 0 || count <= max || (warned != null && warned.contains(event))) {
            return;
        }
        if (warned == null) {
            warned = new ArrayList<>(2);
        }
        warned.add(event);
        ProcessWarning w = new ProcessWarning("MaxListenersExceededWarning",
                "Possible EventEmitter memory leak detected. " + count + " " + event
                        + " listeners added to [" + getClass().getSimpleName() + "]. MaxListeners is " + max
                        + ". Use emitter.setMaxListeners() to increase limit", null);
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            loop.emitWarning(w);
        } else {
            System.err.println(w.formatForStderr());
        }
    }

    /** Removes the most recently added instance of {@code listener} (or of its once-wrapper). */
    public EventEmitter removeListener(Object event, Listener listener) {
        Listener[] old = events.get(event);
        if (old == null) {
            return this;
        }
        for (int i = old.length - 1; i >= 0; i--) {
            if (old[i] == listener || (old[i] instanceof OnceWrapper w && w.listener == listener)) {
                Listener removed = old[i];
                if (old.length == 1) {
                    events.remove(event);
                } else {
                    Listener[] now = new Listener[old.length - 1];
                    System.arraycopy(old, 0, now, 0, i);
                    System.arraycopy(old, i + 1, now, i, old.length - i - 1);
                    events.put(event, now);
                }
                if (events.containsKey("removeListener")) {
                    emit("removeListener", event, unwrap(removed));
                }
                return this;
            }
        }
        return this;
    }

    /** Removes every listener of every event ('removeListener' listeners last, as Node). */
    public EventEmitter removeAllListeners() {
        if (!events.containsKey("removeListener")) {
            events.clear();
            return this;
        }
        for (Object event : new ArrayList<>(events.keySet())) {
            if (!"removeListener".equals(event)) {
                removeAllListeners(event);
            }
        }
        removeAllListeners("removeListener");
        return this;
    }

    /** Removes every listener of {@code event}, last added first. */
    public EventEmitter removeAllListeners(Object event) {
        Listener[] old = events.get(event);
        if (old == null) {
            return this;
        }
        if (!events.containsKey("removeListener")) {
            events.remove(event);
            return this;
        }
        for (int i = old.length - 1; i >= 0; i--) {
            removeListener(event, old[i]);
        }
        return this;
    }

    /**
     * Calls every listener of {@code event} in order with {@code args}; returns whether there were
     * any. An 'error' with no listener is thrown (after the errorMonitor listeners saw it).
     */
    public boolean emit(Object event, Object... args) {
        if ("error".equals(event)) {
            Listener[] monitors = events.get(ERROR_MONITOR);
            if (monitors != null) {
                callAll(monitors, args);
            }
            if (!events.containsKey("error")) {
                throw unhandledError(args.length > 0 ? args[0] : null);
            }
        }
        Listener[] listeners = events.get(event);
        if (listeners == null) {
            return false;
        }
        callAll(listeners, args);
        return true;
    }

    private static void callAll(Listener[] listeners, Object[] args) {
        for (Listener l : listeners) {
            try {
                l.call(args);
            } catch (Exception e) {
                throw Sneaky.<RuntimeException>rethrow(e);
            }
        }
    }

    private static RuntimeException unhandledError(Object err) {
        if (err instanceof Throwable t) {
            return Sneaky.<RuntimeException>rethrow(t);
        }
        return new NodeError("ERR_UNHANDLED_ERROR",
                "Unhandled error." + (err == null ? "" : " ('" + err + "')"));
    }

    public int listenerCount(Object event) {
        Listener[] l = events.get(event);
        return l == null ? 0 : l.length;
    }

    /** The listeners of {@code event}, once-wrappers unwrapped. */
    public List<Listener> listeners(Object event) {
        Listener[] l = events.get(event);
        if (l == null) {
            return List.of();
        }
        return Arrays.stream(l).map(EventEmitter::unwrap).toList();
    }

    /** The listeners of {@code event} as stored, once-wrappers included. */
    public List<Listener> rawListeners(Object event) {
        Listener[] l = events.get(event);
        return l == null ? List.of() : List.of(l);
    }

    public List<Object> eventNames() {
        return List.copyOf(events.keySet());
    }

    public EventEmitter setMaxListeners(int n) {
        if (n < 0) {
            throw dev.eventide.errors.Errors.outOfRange("n", "a non-negative number", n);
        }
        maxListeners = n;
        return this;
    }

    public int getMaxListeners() {
        return maxListeners < 0 ? defaultMaxListeners : maxListeners;
    }

    static Listener unwrap(Listener l) {
        return l instanceof OnceWrapper w ? w.listener : l;
    }

    /** A once() listener: removes itself, then calls the user's listener (at most once). */
    static final class OnceWrapper implements Listener {
        private final EventEmitter target;
        private final Object event;
        final Listener listener;
        private boolean fired;

        OnceWrapper(EventEmitter target, Object event, Listener listener) {
            this.target = target;
            this.event = event;
            this.listener = listener;
        }

        @Override
        public void call(Object... args) throws Exception {
            if (fired) {
                return;
            }
            fired = true;
            target.removeListener(event, this);
            listener.call(args);
        }
    }
}
