package dev.eventide.net;

import dev.eventide.stream.StreamOptions;

/**
 * What a socket was told about its OS socket before or after it had one: TCP_NODELAY,
 * SO_KEEPALIVE with its delay, and ref/unref. A setting made before connect() waits here and is
 * applied when the handle exists (Node keeps the same in kSetNoDelay, kSetKeepAlive...). Runs
 * on the socket's loop thread.
 */
final class SocketSettings {
    private boolean noDelay;
    private boolean keepAlive;
    /** Seconds before the first keep-alive probe (0: the system's). */
    private int keepAliveDelay;
    /** ref()/unref() as last called, or null when neither was. */
    private Boolean refWanted;

    /** The stream options of every socket: 'close' comes from the handle's close callback, not from destroy(). */
    static StreamOptions streamOptions(boolean allowHalfOpen, Integer hwm, Integer rhwm, Integer whwm) {
        StreamOptions so = new StreamOptions().allowHalfOpen(allowHalfOpen).emitClose(false).autoDestroy(true)
                .decodeStrings(false);
        if (hwm != null) {
            so.highWaterMark(hwm);
        }
        if (rhwm != null) {
            so.readableHighWaterMark(rhwm);
        }
        if (whwm != null) {
            so.writableHighWaterMark(whwm);
        }
        return so;
    }

    /** {@code live}: the connected handle, or null while there is none (the value waits). */
    void noDelay(SocketHandle live, boolean enable) {
        boolean changed = enable != noDelay;
        noDelay = enable;
        if (live != null && changed) {
            live.setNoDelay(enable);
        }
    }

    void keepAlive(SocketHandle live, boolean enable, int initialDelayMs) {
        int delay = initialDelayMs / 1000;
        boolean changed = enable != keepAlive || (enable && delay != keepAliveDelay);
        keepAlive = enable;
        keepAliveDelay = delay;
        if (live != null && changed) {
            live.setKeepAlive(enable, delay);
        }
    }

    void ref(SocketHandle h, boolean on) {
        refWanted = on;
        if (h != null) {
            h.ref(on);
        }
    }

    /** The handle was made: it takes the ref()/unref() wish. */
    void attached(SocketHandle h) {
        if (refWanted != null) {
            h.ref(refWanted);
        }
    }

    /** The handle is connected (or accepted): the TCP options asked for so far go to it. */
    void connected(SocketHandle h) {
        if (noDelay) {
            h.setNoDelay(true);
        }
        if (keepAlive) {
            h.setKeepAlive(true, keepAliveDelay);
        }
    }
}
