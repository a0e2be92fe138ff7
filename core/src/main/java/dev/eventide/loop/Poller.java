package dev.eventide.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The poll phase: waits for I/O readiness, tasks sent from other threads, and worker-pool
 * completions, then runs their callbacks. Runs on its loop's thread; {@link #post} and
 * {@link #wakeup} may be called from any thread.
 *
 * <p>The NIO {@link Selector} (epoll on Linux) is opened only when the first channel registers:
 * a script that only uses timers and the pool waits with {@code park}, which starts faster.
 */
final class Poller {
    private final EventLoop loop;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** True once someone asked for a wake-up that the loop has not consumed yet. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile Selector selector;
    private long ioEvents;
    /** Time spent blocked waiting, for eventLoopUtilization (libuv's idle time metric). */
    private long idleNanos;
    /** When the first key of the current select became ready (0: none yet). */
    private long readyAt;
    /** The handler and key of the ready event being dispatched (one Task for all, not a lambda each). */
    private IoHandler readyHandler;
    private SelectionKey readyKey;
    private final Task runReady = this::runReady;

    Poller(EventLoop loop) {
        this.loop = loop;
    }

    /** Queues a task from any thread and wakes the loop. */
    void post(Runnable task) {
        inbox.add(task);
        wakeup();
    }

    void wakeup() {
        if (wakeupPending.compareAndSet(false, true)) {
            Selector s = selector;
            if (s != null) {
                s.wakeup();
            }
            LockSupport.unpark(loop.thread());
        }
    }

    boolean hasPosted() {
        return !inbox.isEmpty();
    }

    /** Registers a channel for readiness events; the handler runs in the poll phase. */
    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) {
        try {
            return channel.register(selector(), ops, handler);
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException(e);
        }
    }

    Selector selector() {
        Selector s = selector;
        if (s == null) {
            try {
                s = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            selector = s;
        }
        return s;
    }

    /** Waits up to {@code timeoutMs} (-1: no limit), then runs what became ready. */
    void poll(long timeoutMs) {
        wakeupPending.set(false);
        if (!inbox.isEmpty()) {
            timeoutMs = 0;
        }
        Selector s = selector;
        long waitStart = timeoutMs != 0 ? System.nanoTime() : 0;
        if (s == null || s.keys().isEmpty()) {
            if (timeoutMs != 0) {
                loop.clock().park(timeoutMs < 0 ? -1 : timeoutMs * 1_000_000L);
                idleNanos += System.nanoTime() - waitStart;
            }
            loop.updateTime();
        } else {
            select(s, timeoutMs, waitStart);
        }
        runPosted();
    }

    long idleNanos() {
        return idleNanos;
    }

    private void select(Selector s, long timeoutMs, long waitStart) {
        try {
            if (timeoutMs == 0) {
                s.selectNow(this::dispatch);
                loop.updateTime();
            } else {
                // Time is refreshed before the callbacks run, as libuv does after epoll_wait.
                // Idle time is the wait before the first ready key (libuv counts the time in
                // epoll_wait), not the callbacks the selector runs for the keys.
                // The wait is counted as idle the moment it ends, before any callback runs: a
                // callback that reads eventLoopUtilization must see it, or a later reading would
                // find more idle time than time passed since (a negative utilization).
                readyAt = 0;
                s.select(key -> {
                    if (readyAt == 0) {
                        readyAt = System.nanoTime();
                        idleNanos += readyAt - waitStart;
                    }
                    loop.updateTime();
                    dispatch(key);
                }, timeoutMs < 0 ? 0 : timeoutMs);
                if (readyAt == 0) {
                    idleNanos += System.nanoTime() - waitStart;
                }
                loop.updateTime();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dispatch(SelectionKey key) {
        ioEvents++;
        if (key.attachment() instanceof IoHandler h && key.isValid()) {
            readyHandler = h;
            readyKey = key;
            loop.invoke(runReady);
        }
    }

    /** Runs the handler dispatch() set; it reads both fields before anything can change them. */
    private void runReady() throws Exception {
        readyHandler.ready(readyKey);
    }

    private void runPosted() {
        // Only the tasks present now: a task that posts another must not starve the loop.
        int n = inbox.size();
        Runnable task;
        while (n-- > 0 && (task = inbox.poll()) != null) {
            task.run();
            if (loop.stopping()) {
                return;
            }
        }
    }

    long ioEvents() {
        return ioEvents;
    }

    void close() {
        Selector s = selector;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing at exit; nothing left to tell.
            }
        }
    }
}
