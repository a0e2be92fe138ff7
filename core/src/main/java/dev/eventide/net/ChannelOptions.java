package dev.eventide.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;

/**
 * The TCP options a socket sets on its channel (setNoDelay, setKeepAlive), and its addresses.
 * Option failures are ignored, as libuv's setsockopt failures are for these options in Node. Stateless; called on
 * the socket's loop thread.
 */
final class ChannelOptions {
    private ChannelOptions() {}

    static void setNoDelay(NetworkChannel channel, boolean on) {
        set(channel, StandardSocketOptions.TCP_NODELAY, on);
    }

    /** SO_KEEPALIVE, and the idle time before the first probe when the platform offers it. */
    static void setKeepAlive(NetworkChannel channel, boolean on, int delaySeconds) {
        set(channel, StandardSocketOptions.SO_KEEPALIVE, on);
        if (on && delaySeconds > 0) {
            // jdk.net's TCP_KEEPIDLE, found by name so that core needs no jdk.net module.
            for (SocketOption<?> o : channel.supportedOptions()) {
                if (o.name().equals("TCP_KEEPIDLE") && o.type() == Integer.class) {
                    @SuppressWarnings("unchecked")
                    SocketOption<Integer> idle = (SocketOption<Integer>) o;
                    set(channel, idle, delaySeconds);
                }
            }
        }
    }

    /** The channel's local address, or null once it is closed. */
    static SocketAddress localAddress(NetworkChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** The peer's address, or null when not connected or closed. */
    static SocketAddress remoteAddress(SocketChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> void set(NetworkChannel channel, SocketOption<T> option, T value) {
        try {
            channel.setOption(option, value);
        } catch (IOException | UnsupportedOperationException ignored) {
            // As libuv's setsockopt failures, which Node ignores for these options.
        }
    }
}
