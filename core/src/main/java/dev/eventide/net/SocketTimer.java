package dev.eventide.net;

import dev.eventide.events.Listener;
import dev.eventide.loop.Task;
import dev.eventide.loop.Timeout;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A socket's inactivity timeout (Node's setStreamTimeout and _onTimeout): an unref'd timer that
 * reads and writes refresh, and that emits 'timeout' when it fires, unless a write is still
 * moving. Runs on the socket's loop thread.
 */
final class SocketTimer {
    private final NetSocket socket;
    private Timeout timer;
    private Integer ms;
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
        timer = socket.loop().setTimeout(this::fire, msecs).unref();
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

    private void fire() {
        SocketHandle h = socket.handle;
        if (lastWriteQueueSize > 0 && h != null) {
            long now = h.queuedBytes();
            if (now != lastWriteQueueSize) {
                // A write is still moving: the socket is not idle.
                lastWriteQueueSize = now;
                refresh();
                return;
            }
        }
        socket.emit("timeout");
    }

    /** Restarts the countdown (Node's _unrefTimer), after any activity. */
    void refresh() {
        if (timer != null) {
            timer.refresh();
        }
    }

    void clear() {
        if (timer != null) {
            timer.close();
            timer = null;
        }
    }

    Integer ms() {
        return ms;
    }
}
