package dev.eventide.events;

import dev.eventide.errors.DomException;
import dev.eventide.errors.Errors;
import dev.eventide.loop.EventLoop;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's AbortSignal: tells an operation that it should stop, once, with a reason. Belongs to
 * the loop whose thread made it and is touched on that thread only (a signal made outside any
 * loop is not checked, so tests and set-up code can build one before the loop runs).
 *
 * <p>It is an EventTarget, not an EventEmitter, as in Node: one 'abort' event, listeners added
 * with {@link #addEventListener} (the same listener twice counts once; {@code once} removes it
 * after it ran) or set as {@link #onabort}. They run synchronously inside {@code abort()}, in the
 * order they were added; one that throws does not stop the others, and its error is reported as
 * uncaught in a nextTick, as Node's EventTarget does.
 *
 * <p>Reasons are Throwables, since Java rejects and throws Throwables only; the default is a
 * DomException named AbortError, as Node's.
 */
public final class AbortSignal {
    /** The event handed to 'abort' listeners: its type and the signal that aborted. */
    public record Event(String type, AbortSignal target) {}

    private static final String ABORT = "abort";

    /** The loop that owns the signal; null when made outside any loop. */
    private final EventLoop loop;
    /** True once aborted; never goes back. */
    private boolean aborted;
    private Throwable reason;
    /** 'abort' listeners in the order added; an entry is flagged removed, never reused. */
    private List<Entry> listeners = new ArrayList<>();
    /** The entry that holds onabort; it keeps its place when the handler is replaced. */
    private Entry handler;
    /**
     * Signals made by any() that follow this one. Weak, so that a long-lived source (a server's
     * shutdown signal) does not keep every composite made from it; strong while the composite
     * has listeners, so that someone waiting on it is told even if nobody else holds it.
     */
    private List<Link> dependents;
    /** For a signal made by any(): its links in its sources' dependents lists. */
    private List<Link> sourceLinks;

    private static final class Entry {
        Listener fn;
        final boolean once;
        boolean removed;

        Entry(Listener fn, boolean once) {
            this.fn = fn;
            this.once = once;
        }
    }

    /** One source-to-composite edge of any(). */
    private static final class Link {
        final WeakReference<AbortSignal> weak;
        AbortSignal strong;

        Link(AbortSignal composite) {
            this.weak = new WeakReference<>(composite);
        }

        AbortSignal target() {
            return strong != null ? strong : weak.get();
        }
    }

    AbortSignal() {
        this.loop = EventLoop.currentOrNull();
    }

    /** Node's {@code AbortSignal.abort(reason)}: a signal that is already aborted. */
    public static AbortSignal abort(Throwable reason) {
        AbortSignal s = new AbortSignal();
        s.aborted = true;
        s.reason = reason != null ? reason : DomException.abortError();
        return s;
    }

    /** {@code AbortSignal.abort()}: aborted, with a DomException named AbortError as reason. */
    public static AbortSignal abort() {
        return abort(null);
    }

    /**
     * Node's {@code AbortSignal.timeout(ms)}: aborts with a DomException named TimeoutError after
     * {@code ms} milliseconds. Its timer is unref'd: it never keeps the loop alive by itself.
     */
    public static AbortSignal timeout(long ms) {
        Errors.requireRange(ms, "delay", 0, 4294967295L);
        AbortSignal s = new AbortSignal();
        EventLoop.current().setTimeout(() -> s.abortWith(DomException.timeoutError()), ms).unref();
        return s;
    }

    /**
     * Node's {@code AbortSignal.any(signals)}: aborts as soon as any of them does, with that
     * one's reason; already aborted if one of them is (the first in order gives the reason).
     */
    public static AbortSignal any(List<AbortSignal> signals) {
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i) == null) {
                throw Errors.invalidArgType("signals[" + i + "]", "an instance of AbortSignal", null);
            }
        }
        AbortSignal result = new AbortSignal();
        for (AbortSignal s : signals) {
            if (s.aborted) {
                result.aborted = true;
                result.reason = s.reason;
                return result;
            }
        }
        result.sourceLinks = new ArrayList<>();
        for (AbortSignal s : signals) {
            result.sourceLinks.add(s.addDependent(result));
        }
        return result;
    }

    public static AbortSignal any(AbortSignal... signals) {
        return any(List.of(signals));
    }

    /** Whether the signal has aborted. */
    public boolean aborted() {
        return aborted;
    }

    /** Why it aborted, or null while it has not. */
    public Throwable reason() {
        return reason;
    }

    /** Throws the reason if the signal has aborted. */
    public void throwIfAborted() {
        if (aborted) {
            throw Sneaky.<RuntimeException>rethrow(reason);
        }
    }

    /** Adds an 'abort' listener; adding one already there does nothing, as in the DOM. */
    public void addEventListener(String type, Listener listener) {
        addEventListener(type, listener, false);
    }

    /** Adds an 'abort' listener that is removed after it runs when {@code once} is true. */
    public void addEventListener(String type, Listener listener, boolean once) {
        checkOwner();
        Errors.requireFunction(listener, "listener");
        if (!ABORT.equals(type) || find(listener) != null) {
            return;
        }
        listeners.add(new Entry(listener, once));
        pinWhileListened();
    }

    /** Removes an 'abort' listener; one not added is ignored. */
    public void removeEventListener(String type, Listener listener) {
        checkOwner();
        Entry e = ABORT.equals(type) ? find(listener) : null;
        if (e != null) {
            remove(e);
        }
    }

    /** The onabort handler, or null. */
    public Listener onabort() {
        return handler == null ? null : handler.fn;
    }

    /** Sets the onabort handler: a new one keeps the old one's place among the listeners; null removes it. */
    public void onabort(Listener fn) {
        checkOwner();
        if (fn == null) {
            if (handler != null) {
                remove(handler);
                handler = null;
            }
        } else if (handler != null) {
            handler.fn = fn;
        } else {
            handler = new Entry(fn, false);
            listeners.add(handler);
        }
        pinWhileListened();
    }

    /** Aborts with {@code reason}; called by AbortController, and by the timeout and any() signals. */
    void abortWith(Throwable why) {
        checkOwner();
        if (aborted) {
            return;
        }
        aborted = true;
        reason = why;
        dispatch();
        if (dependents != null) {
            List<Link> follow = dependents;
            dependents = null;
            for (Link link : follow) {
                AbortSignal s = link.target();
                if (s != null) {
                    s.abortWith(why);
                }
            }
        }
    }

    private void dispatch() {
        Event event = new Event(ABORT, this);
        for (Entry e : List.copyOf(listeners)) {
            if (e.removed) {
                continue;
            }
            if (e.once) {
                remove(e);
            }
            try {
                e.fn.call(event);
            } catch (Throwable t) {
                reportLater(t);
            }
        }
    }

    /** As Node's EventTarget: a listener's error becomes an uncaught exception in a nextTick. */
    private void reportLater(Throwable t) {
        if (loop == null) {
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        loop.nextTick(() -> {
            throw Sneaky.<Exception>rethrow(t);
        });
    }

    private Link addDependent(AbortSignal composite) {
        if (dependents == null) {
            dependents = new ArrayList<>();
        }
        dependents.removeIf(link -> link.target() == null);
        Link link = new Link(composite);
        dependents.add(link);
        return link;
    }

    /** A composite with listeners is held strongly by its sources, without them weakly. */
    private void pinWhileListened() {
        if (sourceLinks != null) {
            AbortSignal pin = listeners.isEmpty() || aborted ? null : this;
            for (Link link : sourceLinks) {
                link.strong = pin;
            }
        }
    }

    private Entry find(Listener fn) {
        for (Entry e : listeners) {
            if (e.fn == fn && e != handler) {
                return e;
            }
        }
        return null;
    }

    private void remove(Entry e) {
        e.removed = true;
        // Copy on write: a dispatch under way iterates its own snapshot.
        List<Entry> next = new ArrayList<>(listeners);
        next.remove(e);
        listeners = next;
        pinWhileListened();
    }

    private void checkOwner() {
        if (loop != null) {
            loop.checkOwner("AbortSignal");
        }
    }

    @Override
    public String toString() {
        return "AbortSignal { aborted: " + aborted + " }";
    }
}
