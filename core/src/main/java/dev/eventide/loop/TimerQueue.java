package dev.eventide.loop;

import java.util.HashMap;
import java.util.Map;

/**
 * The timers phase: every {@link Timeout} of one loop, organised as Node's timers are. Loop
 * thread only.
 *
 * <p>HOW. Timers are grouped by duration. Each duration has one {@link TimerList}; a timer is
 * appended to its duration's list when scheduled, so each list is sorted by expiry for free. A
 * heap orders the lists by the expiry of their heads:
 *
 * <pre>
 *   heap (by list expiry, then list id)
 *     [ 40 ms list: expiry 1040 ] --> t1(start 1000) <-> t2(start 1003) <-> t3(1007)
 *     [  5 s  list: expiry 6000 ] --> k1(start 1000) <-> k2(start 1001) ...
 * </pre>
 *
 * <p>WHY. 10,000 keep-alive sockets with the same 5 s timeout share one list: scheduling,
 * refreshing and cancelling are O(1) list operations; only the number of distinct durations
 * reaches the heap. When a list's head is not yet due, the list's expiry moves to that head's
 * expiry and the list is re-sorted, as {@code listOnTimeout} does in Node.
 */
final class TimerQueue {
    /** Node's TIMEOUT_MAX: delays above it (or below 1) become 1. */
    static final double TIMEOUT_MAX = 2147483647;

    private final EventLoop loop;
    /** Lists by whole-millisecond duration: Node truncates 1.7 to 1, so both share a list. */
    private final Map<Long, TimerList> lists = new HashMap<>();
    private final TimerHeap heap = new TimerHeap();
    private long nextListId;
    /** Scheduled timers that keep the loop alive. */
    private int refCount;

    TimerQueue(EventLoop loop) {
        this.loop = loop;
    }

    int refCount() {
        return refCount;
    }

    /** Duration lists held (map, heap); for tests that check nothing is left behind. */
    int listCount() {
        return lists.size();
    }

    int heapSize() {
        return heap.size();
    }

    /** Coerces a delay as Node's {@code new Timeout()} does, warning on overflow. */
    double coerce(double after) {
        if (!(after >= 1 && after <= TIMEOUT_MAX)) {
            if (after > TIMEOUT_MAX) {
                loop.emitWarning(new ProcessWarning("TimeoutOverflowWarning",
                        formatNumber(after) + " does not fit into a 32-bit signed integer."
                                + "\nTimeout duration was set to 1.", null));
            }
            return 1;
        }
        return after;
    }

    /** Schedules a new timer (setTimeout/setInterval). */
    void start(Timeout t) {
        t.destroyed = false;
        if (t.refed) {
            refCount++;
        }
        insert(t, t.idleTimeout, currentTime());
    }

    /**
     * The loop time refreshed from the clock, as Node's getLibuvNow (uv_update_time): a timer
     * made or restarted after a slow callback counts from when it was made, not from the
     * iteration's cached time.
     */
    private long currentTime() {
        loop.updateTime();
        return loop.now();
    }

    private void insert(Timeout t, double msecs, long start) {
        t.idleStart = start;
        long key = (long) msecs;
        TimerList list = lists.get(key);
        if (list == null) {
            list = new TimerList(key, start + key, nextListId++);
            lists.put(key, list);
            heap.insert(list);
        }
        list.append(t);
    }

    /** clearTimeout: removes the timer and forgets its duration so refresh cannot revive it. */
    void unenroll(Timeout t) {
        if (t.destroyed) {
            t.idleTimeout = -1;
            return;
        }
        t.destroyed = true;
        if (t.refed) {
            refCount--;
        }
        TimerList list = t.list;
        if (list != null) {
            list.remove(t);
            dropIfEmpty(list);
        }
        t.idleTimeout = -1;
    }

    void refresh(Timeout t) {
        if (t.idleTimeout < 0) {
            return;
        }
        TimerList list = t.list;
        if (list != null) {
            list.remove(t);
        }
        if (t.destroyed) {
            t.destroyed = false;
            if (t.refed) {
                refCount++;
            }
        }
        insert(t, t.idleTimeout, currentTime());
        if (list != null && list.isEmpty()) {
            dropIfEmpty(list);
        }
    }

    void setRef(Timeout t, boolean ref) {
        if (t.refed == ref) {
            return;
        }
        t.refed = ref;
        if (!t.destroyed) {
            refCount += ref ? 1 : -1;
        }
    }

    private void dropIfEmpty(TimerList list) {
        if (list.isEmpty() && lists.get(list.msecs) == list) {
            lists.remove(list.msecs);
            heap.remove(list);
        }
    }

    /** Loop time at which the next timer is due, or -1 when none is scheduled. */
    long nextExpiry() {
        TimerList first = heap.peek();
        return first == null ? -1 : first.expiry;
    }

    /** Runs every timer due at {@code now}, list by list, as Node's {@code processTimers}. */
    /** Returns whether any list was due (Node then ran its timers callback scope). */
    boolean runDue(long now) {
        TimerList list;
        boolean ran = false;
        while ((list = heap.peek()) != null) {
            if (list.expiry > now) {
                return ran;
            }
            ran = true;
            runList(list, now);
        }
        return ran;
    }

    private void runList(TimerList list, long now) {
        Timeout t;
        while ((t = list.head) != null) {
            long elapsed = now - t.idleStart;
            if (elapsed < list.msecs) {
                // The rest of this list is not due: re-sort it by its new head.
                list.expiry = Math.max(t.idleStart + list.msecs, now + 1);
                list.id = nextListId++;
                heap.update(list);
                return;
            }
            list.remove(t);
            fire(t);
            if (loop.stopping()) {
                return;
            }
        }
        dropIfEmpty(list);
    }

    private void fire(Timeout t) {
        long start = 0;
        if (t.repeat != 0) {
            start = currentTime();
        } else {
            t.destroyed = true;
            if (t.refed) {
                refCount--;
            }
        }
        try {
            loop.invoke(t.callback);
        } finally {
            if (t.repeat != 0 && t.idleTimeout != -1) {
                // As Node: the next period counts from when this callback started.
                if (t.list != null) {
                    TimerList old = t.list;
                    old.remove(t);
                    dropIfEmpty(old);
                }
                t.idleTimeout = t.repeat;
                insert(t, t.idleTimeout, start);
            }
        }
    }

    /** A positive delay as JavaScript prints a number: plain digits below 1e21, else 1e+21. */
    static String formatNumber(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return Double.toString(d);
        }
        if (Math.abs(d) < 1e21) {
            return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e+" + s.substring(e + 1);
    }
}
