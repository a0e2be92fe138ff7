package dev.eventide.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * The system error codes that sockets report, with Linux's errno numbers (negated, as libuv and
 * Node report them) and libuv's messages. Immutable.
 *
 * <p>Java reports socket failures as IOExceptions whose message is the C library's strerror text
 * ("Connection refused"); {@link #of} maps that text back to the code Node would show.
 */
enum Errno {
    ENOENT(-2, "no such file or directory", "no such file"),
    EACCES(-13, "permission denied", "permission denied"),
    EINVAL(-22, "invalid argument", "invalid argument"),
    EMFILE(-24, "too many open files", "too many open files"),
    EPIPE(-32, "broken pipe", "broken pipe"),
    EADDRINUSE(-98, "address already in use", "address already in use"),
    EADDRNOTAVAIL(-99, "address not available", "cannot assign requested address"),
    ENETUNREACH(-101, "network is unreachable", "network is unreachable"),
    ECONNABORTED(-103, "software caused connection abort", "connection abort"),
    ECONNRESET(-104, "connection reset by peer", "connection reset"),
    ENOTCONN(-107, "socket is not connected", "not connected"),
    ETIMEDOUT(-110, "connection timed out", "timed out"),
    ECONNREFUSED(-111, "connection refused", "connection refused"),
    EHOSTUNREACH(-113, "host is unreachable", "no route to host"),
    /** A connect request cancelled by closing its handle (libuv's UV_ECANCELED); never mapped from Java text. */
    ECANCELED(-125, "operation canceled", "\u0000"),
    ENOTFOUND(-3008, "getaddrinfo failed", "\u0000"),
    EIO(-5, "i/o error", "\u0000");

    /** Node's err.errno: the negated Linux errno (libuv's UV_E* value). */
    final int errno;
    /** libuv's uv_strerror text, used in listen errors ("listen EADDRINUSE: address already in use"). */
    final String message;
    /** A lower-case fragment of the JDK's exception text that identifies this code. */
    private final String javaText;

    Errno(int errno, String message, String javaText) {
        this.errno = errno;
        this.message = message;
        this.javaText = javaText;
    }

    /** The code Node would report for a JDK socket exception (EIO when nothing matches). */
    static Errno of(Throwable e) {
        if (e instanceof BindException && e.getMessage() == null) {
            return EADDRINUSE;
        }
        if (e instanceof UnknownHostException) {
            return ENOTFOUND;
        }
        if (e instanceof ClosedChannelException) {
            return EPIPE;
        }
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (Errno code : values()) {
            if (text.contains(code.javaText)) {
                return code;
            }
        }
        if (e instanceof ConnectException) {
            return ECONNREFUSED;
        }
        if (e instanceof NoRouteToHostException) {
            return EHOSTUNREACH;
        }
        if (e instanceof SocketTimeoutException) {
            return ETIMEDOUT;
        }
        return e instanceof PortUnreachableException ? ECONNREFUSED : EIO;
    }

    static Errno of(IOException e) {
        return of((Throwable) e);
    }
}
