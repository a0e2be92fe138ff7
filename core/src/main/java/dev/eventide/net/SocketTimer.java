package dev.eventide.net;

import dev.eventide.events.Listener;
import dev.eventide.loop.Task;
import dev.eventide.loop.Timeout;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A socket's inactivity timeout (Node's setStreamTimeout and _onTimeout): an unref'd timer that
 * emits 'timeout' after {@code ms} without reads or writes, unless a write is still moving.
 * Runs on the socket's loop thread.
 *
 * <p>Activity only records the loop time ({@link #refresh}); moving the timer in the timer
 * queue on every read and write cost more than the rest of a small HTTP exchange. When the
 * timer fires it looks at that time and, if the socket was active since, arms itself again for
 * the remainder (as libuv's uv_timer users and Netty's IdleStateHandler do):
 *
 * <pre>
 *   set(ms) ── arm(ms) ──► fire: idle = now - lastActive
 *                              idle &lt; ms ─► arm(ms - idle)         (activity meanwhile)
 *                              else      ─► 'timeout'; spent until the next activity re-arms
 * </pre>
 */
final class SocketTimer {
    private final NetSocket socket;
    /** The armed timer, or null when none is armed (none set, or spent until the next activity). */
    private Timeout timer;
    private Integer ms;
    /** Loop time of the last read or write, or of set(). */
    private long lastActive;
    /** The timer fired and emitted (or deferred): the next activity arms it again. */
    private boolean spent;
    /** The wrappers registered for setTimeout(ms, cb), so that setTimeout(0, cb) can remove them. */
    private Map<Task, Listener> callbacks;
    /** The handle's write queue size when the timer last looked (Node's kLastWriteQueueSize). */
    long lastWriteQueueSize;

    SocketTimer(NetSocket socket) {
        this.socket = socket;
    }

    void set(int msecs, Task callback) {
        if (msecs < 0) {
            throw dev.eventide.errors.Errors.outOfRange("msecs", ">= 0", msecs);
        }
        ms = msecs;
        clear();
        if (msecs == 0) {
            if (callback != null && callbacks != null && callbacks.containsKey(callback)) {
                socket.removeListener("timeout", callbacks.remove(callback));
            }
            return;
        }
        lastActive = socket.loop().now();
        arm(msecs);
        if (callback != null) {
            if (callbacks == null) {
                callbacks = new IdentityHashMap<>();
            }
            Listener l = args -> {
                callbacks.remove(callback);
                callback.run();
            };
            callbacks.put(callback, l);
            socket.once("timeout", l);
        }
    }

    private void arm(long delay) {
        timer = socket.loop().setTimeout(this::fire, delay).unref();
    }

    private void fire() {
        timer = null;
        long idle = socket.loop().now() - lastActive;
        if (idle < ms) {
            arm(ms - idle);
            return;
        }
        SocketHandle h = socket.handle;
        if (lastWriteQueueSize > 0 && h != null) {
            long now = h.queuedBytes();
            if (now != lastWriteQueueSize) {
                // A write is still moving: the socket is not idle.
                lastWriteQueueSize = now;
                lastActive = socket.loop().now();
                arm(ms);
                return;
            }
        }
        spent = true;
        socket.emit("timeout");
    }

    /** Restarts the countdown (Node's _unrefTimer), after any activity. */
    void refresh() {
        if (timer != null) {
            lastActive = socket.loop().now();
        } else if (spent) {
            // Fired already: activity starts a new countdown, as Node's refresh of a spent timer.
            spent = false;
            lastActive = socket.loop().now();
            arm(ms);
        }
    }

    void clear() {
        spent = false;
        if (timer != null) {
            timer.close();
            timer = null;
        }
    }

    Integer ms() {
        return ms;
    }
}
