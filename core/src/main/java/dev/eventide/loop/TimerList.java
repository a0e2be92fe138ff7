package dev.eventide.loop;

/**
 * All scheduled timers of one duration, in insertion (= expiry) order, as Node's
 * {@code TimersList}. Appending and removing are O(1); only the list's head is ever due
 * first, since every member has the same duration. Loop thread only.
 */
final class TimerList {
    /** The duration in whole milliseconds (Node truncates fractions). */
    final long msecs;
    /** When the head timer is due (loop time, ms); the heap orders lists by it. */
    long expiry;
    /** Tie-breaker between lists with equal expiry: the older position wins (Node's list id). */
    long id;
    /** Index in the heap, or -1 when not in it. */
    int heapIndex = -1;
    Timeout head;
    Timeout tail;

    TimerList(long msecs, long expiry, long id) {
        this.msecs = msecs;
        this.expiry = expiry;
        this.id = id;
    }

    boolean isEmpty() {
        return head == null;
    }

    void append(Timeout t) {
        t.list = this;
        t.prev = tail;
        t.next = null;
        if (tail == null) {
            head = t;
        } else {
            tail.next = t;
        }
        tail = t;
    }

    void remove(Timeout t) {
        if (t.list != this) {
            return;
        }
        if (t.prev == null) {
            head = t.next;
        } else {
            t.prev.next = t.next;
        }
        if (t.next == null) {
            tail = t.prev;
        } else {
            t.next.prev = t.prev;
        }
        t.prev = null;
        t.next = null;
        t.list = null;
    }

    /** Heap order: earlier expiry first, then the list that was (re)queued first. */
    boolean before(TimerList other) {
        return expiry != other.expiry ? expiry < other.expiry : id < other.id;
    }
}
