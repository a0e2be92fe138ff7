package dev.eventide.events;

import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Thenable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Node's EventEmitter: named events, listeners called synchronously in registration order.
 * Not thread-safe: an emitter is used on one loop thread, like every Node object.
 *
 * <p>Each event's listeners are kept in an array that is replaced, never changed, when a
 * listener is added or removed, so {@code emit} iterates a snapshot taken when it starts: a
 * listener removed during an emit still runs in it, one added runs from the next emit.
 *
 * <p>As in Node, {@code addListener} and {@code once} go through {@link #on} and {@code off}
 * through {@link #removeListener}, so a subclass (a readable stream) that overrides those two
 * sees every registration; {@code prependListener} does not go through {@code on}.
 */
public class EventEmitter {
    /** Node's {@code events.errorMonitor}: listeners see 'error' first and do not handle it. */
    public static final Object ERROR_MONITOR = new Object() {
        @Override
        public String toString() {
            return "Symbol(events.errorMonitor)";
        }
    };

    private static final int ERROR_HASH = "error".hashCode();
    private static final Object[] NO_ARGS = {};

    private static volatile int defaultMaxListeners = 10;
    private static volatile boolean defaultCaptureRejections;

    /**
     * Event name to listeners; insertion-ordered for {@link #eventNames()}. Until the first
     * listener is added it is the shared empty {@link #NONE}, never changed: many emitters (a
     * request nobody reads from) never get a listener, and the table is most of their size.
     */
    private ListenerTable events = NONE;
    private static final ListenerTable NONE = new ListenerTable();
    /** -1 means "use the default". */
    private int maxListeners = -1;
    /** Events that already warned; an event leaves it when it drops to one listener, as in Node. */
    private Set<Object> warned;
    /** True when rejected promises returned by listeners are routed to 'error' (Node's kCapture). */
    private boolean captureRejections;

    /** An emitter with no listeners, capturing rejections if {@link #captureRejections()} says so. */
    public EventEmitter() {
        this(defaultCaptureRejections);
    }

    /** Node's {@code new EventEmitter({captureRejections})}. */
    public EventEmitter(boolean captureRejections) {
        this.captureRejections = captureRejections;
    }

    /** Node's {@code EventEmitter.defaultMaxListeners}. */
    public static int defaultMaxListeners() {
        return defaultMaxListeners;
    }

    public static void defaultMaxListeners(int n) {
        if (n < 0) {
            throw Errors.outOfRange("defaultMaxListeners", "a non-negative number", n);
        }
        defaultMaxListeners = n;
    }

    /** Node's {@code EventEmitter.captureRejections}: the default for new emitters. */
    public static boolean captureRejections() {
        return defaultCaptureRejections;
    }

    public static void captureRejections(boolean on) {
        defaultCaptureRejections = on;
    }

    public EventEmitter on(Object event, Listener listener) {
        return add(event, listener, false);
    }

    public EventEmitter addListener(Object event, Listener listener) {
        return on(event, listener);
    }

    public EventEmitter prependListener(Object event, Listener listener) {
        return add(event, listener, true);
    }

    /** Adds a listener that is removed before its first call. */
    public EventEmitter once(Object event, Listener listener) {
        Errors.requireFunction(listener, "listener");
        return on(event, new OnceWrapper(this, event, listener));
    }

    public EventEmitter prependOnceListener(Object event, Listener listener) {
        Errors.requireFunction(listener, "listener");
        return prependListener(event, new OnceWrapper(this, event, listener));
    }

    public EventEmitter off(Object event, Listener listener) {
        return removeListener(event, listener);
    }

    private EventEmitter add(Object event, Listener listener, boolean prepend) {
        assert onOwnerThread();
        Errors.requireFunction(listener, "listener");
        if (events.containsKey("newListener")) {
            emit("newListener", event, unwrap(listener));
        }
        if (events == NONE) {
            events = new ListenerTable();
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
            warned = new HashSet<>(4);
        }
        warned.add(event);
        MaxListenersExceededWarning w = new MaxListenersExceededWarning(this, event, count, max);
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            loop.emitWarning(w);
        } else {
            System.err.println(w.formatForStderr());
        }
    }

    /** Removes the most recently added instance of {@code listener} (or of its once-wrapper). */
    public EventEmitter removeListener(Object event, Listener listener) {
        Errors.requireFunction(listener, "listener");
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
                if (old.length <= 2 && warned != null) {
                    warned.remove(event);
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
            events = NONE;
            warned = null;
            return this;
        }
        for (Object event : events.names()) {
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
            if (warned != null) {
                warned.remove(event);
            }
            return this;
        }
        for (int i = old.length - 1; i >= 0; i--) {
            removeListener(event, old[i]);
        }
        return this;
    }

    /** emit(event) with no arguments, without an empty array made at every call site. */
    public boolean emit(Object event) {
        return emit(event, NO_ARGS);
    }

    /**
     * Calls every listener of {@code event} in order with {@code args}; returns whether there were
     * any. An 'error' with no listener is thrown (after the errorMonitor listeners saw it).
     */
    public boolean emit(Object event, Object... args) {
        assert onOwnerThread();
        if (isError(event)) {
            Listener[] monitors = events.get(ERROR_MONITOR);
            if (monitors != null) {
                callAll(ERROR_MONITOR, monitors, args);
            }
            if (!events.containsKey("error")) {
                throw EventsErrors.unhandled(args);
            }
        }
        Listener[] listeners = events.get(event);
        if (listeners == null) {
            return false;
        }
        callAll(event, listeners, args);
        return true;
    }

    /**
     * Whether the calling thread may use this emitter. A plain emitter belongs to no loop and
     * says yes; a loop-owned one (a stream, a socket) throws ERR_WRONG_THREAD from another
     * thread. Called in assertions on every add and emit: tests run with -ea and catch a
     * listener added or an event emitted from the wrong thread, at no cost in production.
     */
    protected boolean onOwnerThread() {
        return true;
    }

    /**
     * Whether {@code event} is "error". The cached String hash rejects almost every other name
     * at once; a plain equals() compares the bytes of same-length names such as "event" on each
     * emit, which a profile of the emit benchmark showed as a fifth of its time.
     */
    private static boolean isError(Object event) {
        return event instanceof String s && s.hashCode() == ERROR_HASH && s.equals("error");
    }

    private void callAll(Object event, Listener[] listeners, Object[] args) {
        for (Listener l : listeners) {
            Object result = invoke(l, args);
            if (result != null && captureRejections) {
                addCatch(result, event, args);
            }
        }
    }

    /** Calls one listener; returns the thenable an {@link AsyncListener} gave back, else null. */
    static Object invoke(Listener l, Object[] args) {
        try {
            if (l instanceof AsyncListener a) {
                return a.callAsync(args);
            }
            if (l instanceof OnceWrapper w) {
                return w.invoke(args);
            }
            l.call(args);
            return null;
        } catch (Exception e) {
            throw Sneaky.<RuntimeException>rethrow(e);
        }
    }

    /** Node's addCatch: a rejection is handled in a nextTick, by the handler or as 'error'. */
    private void addCatch(Object result, Object event, Object[] args) {
        if (!(result instanceof Thenable<?> thenable)) {
            return;
        }
        EventLoop loop = EventLoop.current();
        try {
            thenable.subscribe(v -> { }, err -> loop.nextTick(() -> emitRejection(err, event, args)));
        } catch (RuntimeException e) {
            emit("error", e);
        }
    }

    private void emitRejection(Throwable err, Object event, Object[] args) {
        if (this instanceof RejectionHandler handler) {
            handler.onRejection(err, event, args);
            return;
        }
        boolean prev = captureRejections;
        try {
            captureRejections = false;
            emit("error", err);
        } finally {
            captureRejections = prev;
        }
    }

    public int listenerCount(Object event) {
        Listener[] l = events.get(event);
        return l == null ? 0 : l.length;
    }

    /** How many times {@code listener} (or its once-wrapper) is registered for {@code event}. */
    public int listenerCount(Object event, Listener listener) {
        int n = 0;
        Listener[] all = events.get(event);
        for (int i = 0; all != null && i < all.length; i++) {
            n += (all[i] == listener || unwrap(all[i]) == listener) ? 1 : 0;
        }
        return n;
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
        return events.names();
    }

    public EventEmitter setMaxListeners(int n) {
        if (n < 0) {
            throw Errors.outOfRange("n", "a non-negative number", n);
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
        /** True once called: a re-entrant emit during the call must not call it again. */
        private boolean fired;

        OnceWrapper(EventEmitter target, Object event, Listener listener) {
            this.target = target;
            this.event = event;
            this.listener = listener;
        }

        @Override
        public void call(Object... args) {
            invoke(args);
        }

        Object invoke(Object[] args) {
            if (fired) {
                return null;
            }
            target.removeListener(event, this);
            fired = true;
            return EventEmitter.invoke(listener, args);
        }
    }
}
