package dev.eventide.loop;

/**
 * The check phase: immediates in the order they were queued, as Node's {@code processImmediate}.
 * Loop thread only.
 *
 * <p>The phase runs only the immediates queued before it began: the queue is detached first, so
 * an immediate queued by an immediate waits for the next iteration (and a timer that came due in
 * between runs before it). One exception, Node's too: when the batch's last immediate throws,
 * the immediates queued meanwhile run in this phase.
 */
final class ImmediateQueue {
    private final EventLoop loop;
    private Immediate head;
    private Immediate tail;
    /** The detached batch being run, so clearImmediate can unlink from it. */
    private Immediate runningHead;
    /** Queued immediates, and how many of them keep the loop alive. */
    private int count;
    private int refCount;

    ImmediateQueue(EventLoop loop) {
        this.loop = loop;
    }

    int refCount() {
        return refCount;
    }

    boolean isEmpty() {
        return count == 0;
    }

    void add(Immediate im) {
        count++;
        refCount++;
        im.prev = tail;
        if (tail == null) {
            head = im;
        } else {
            tail.next = im;
        }
        tail = im;
    }

    void setRef(Immediate im, boolean ref) {
        if (im.refed == ref) {
            return;
        }
        im.refed = ref;
        if (!im.destroyed) {
            refCount += ref ? 1 : -1;
        }
    }

    void clear(Immediate im) {
        if (im.destroyed) {
            return;
        }
        im.destroyed = true;
        count--;
        if (im.refed) {
            refCount--;
        }
        im.callback = null;
        if (im.prev != null) {
            im.prev.next = im.next;
        } else if (head == im) {
            head = im.next;
        } else if (runningHead == im) {
            runningHead = im.next;
        }
        if (im.next != null) {
            im.next.prev = im.prev;
        } else if (tail == im) {
            tail = im.prev;
        }
        im.prev = null;
        im.next = null;
    }

    /** Runs the immediates queued before this call. */
    void run() {
        if (head == null) {
            return;
        }
        runningHead = head;
        head = null;
        tail = null;
        Immediate im;
        while ((im = runningHead) != null) {
            runningHead = im.next;
            if (runningHead != null) {
                runningHead.prev = null;
            }
            im.next = null;
            im.destroyed = true;
            count--;
            if (im.refed) {
                refCount--;
            }
            Task cb = im.callback;
            im.callback = null;
            boolean ok = loop.invoke(cb);
            if (loop.stopping()) {
                return;
            }
            if (!ok && runningHead == null && head != null) {
                // Node retries processImmediate after an error while its batch is unfinished;
                // when the error came from the batch's last immediate, the retry takes the
                // immediates queued during this phase, so they run now, not next iteration.
                runningHead = head;
                head = null;
                tail = null;
            }
        }
    }
}
