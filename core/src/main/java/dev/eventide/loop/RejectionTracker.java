package dev.eventide.loop;

import java.util.ArrayDeque;
import java.util.WeakHashMap;
import java.util.Map;

/**
 * Unhandled-rejection bookkeeping for one loop, as Node's lib/internal/process/promises.js in
 * its default mode ({@code --unhandled-rejections=throw}). Loop thread only.
 *
 * <p>A promise rejected with no handler is remembered; if it is still unhandled when the
 * microtask queues are next empty, {@code unhandledRejection} is emitted, and with no listener
 * the reason becomes an uncaught exception. A handler attached after that warning produces
 * {@code rejectionHandled}.
 */
final class RejectionTracker {
    private record Pending(Object promise, Throwable reason) {}

    private final EventLoop loop;
    /** Rejected promises without a handler, and whether we already reported them (weak, as Node's WeakMap; promises use identity equality). */
    private final Map<Object, boolean[]> maybeUnhandled = new WeakHashMap<>();
    private final ArrayDeque<Pending> pendingUnhandled = new ArrayDeque<>();
    private final ArrayDeque<Object> asyncHandled = new ArrayDeque<>();

    RejectionTracker(EventLoop loop) {
        this.loop = loop;
    }

    void rejectedWithoutHandler(Object promise, Throwable reason) {
        maybeUnhandled.put(promise, new boolean[1]);
        pendingUnhandled.add(new Pending(promise, reason));
    }

    void handlerAddedAfterReject(Object promise) {
        boolean[] warned = maybeUnhandled.remove(promise);
        if (warned != null && warned[0]) {
            asyncHandled.add(promise);
        }
    }

    boolean hasPending() {
        return !pendingUnhandled.isEmpty() || !asyncHandled.isEmpty();
    }

    /** Reports what is due; returns true when that may have queued more microtasks. */
    boolean process() {
        boolean more = !asyncHandled.isEmpty();
        Object handled;
        while ((handled = asyncHandled.poll()) != null) {
            if (!loop.hooks().rejectionHandled(handled)) {
                loop.emitWarning(new ProcessWarning("PromiseRejectionHandledWarning",
                        "Promise rejection was handled asynchronously", null));
            }
        }
        int len = pendingUnhandled.size();
        while (len-- > 0) {
            Pending p = pendingUnhandled.poll();
            boolean[] warned = maybeUnhandled.get(p.promise());
            if (warned == null) {
                continue;
            }
            warned[0] = true;
            more = true;
            if (!loop.hooks().unhandledRejection(p.reason(), p.promise())) {
                loop.reportUncaught(p.reason(), "unhandledRejection");
                if (loop.stopping()) {
                    return false;
                }
            }
        }
        return more || !pendingUnhandled.isEmpty();
    }
}
