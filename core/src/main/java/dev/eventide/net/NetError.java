package dev.eventide.net;

import dev.eventide.errors.SystemError;

/**
 * An error from the operating system, as Node reports it: a code ({@code ECONNREFUSED}), the
 * negated errno, the system call that failed ({@code connect}, {@code listen}, {@code read},
 * {@code write}, {@code getaddrinfo}) and, where one is involved, the address and port.
 * Immutable; safe to share between threads.
 *
 * <p>The messages are Node's: {@code connect ECONNREFUSED 127.0.0.1:1234},
 * {@code listen EADDRINUSE: address already in use 127.0.0.1:8080}, {@code read ECONNRESET}.
 * A {@link SystemError}, as every OS-level error in Eventide is.
 */
public class NetError extends SystemError {
    private static final long serialVersionUID = 1L;

    NetError(String code, int errno, String syscall, String message, String address, Integer port,
            String hostname, Throwable cause) {
        super(new Fields(code).errno(errno).syscall(syscall).address(address).port(port).hostname(hostname),
                message, cause);
    }

    /** Node's ErrnoException: "read ECONNRESET". */
    static NetError errno(Errno code, String syscall, Throwable cause) {
        return new NetError(code.name(), code.errno, syscall, syscall + " " + code.name(), null, null, null,
                cause);
    }

    /** Node's ExceptionWithHostPort: "connect ECONNREFUSED 127.0.0.1:1234" (port may be null). */
    static NetError withHostPort(Errno code, String syscall, String address, Integer port, String local,
            Throwable cause) {
        String message = syscall + " " + code.name() + where(address, port);
        if (local != null) {
            message += " - Local (" + local + ")";
        }
        return new NetError(code.name(), code.errno, syscall, message, address, port, null, cause);
    }

    /** Node's UVExceptionWithHostPort: "listen EADDRINUSE: address already in use 127.0.0.1:80". */
    static NetError uvWithHostPort(Errno code, String syscall, String address, Integer port, Throwable cause) {
        String message = syscall + " " + code.name() + ": " + code.message + where(address, port);
        return new NetError(code.name(), code.errno, syscall, message, address, port, null, cause);
    }

    /** dns.lookup's failure: "getaddrinfo ENOTFOUND example.invalid". */
    static NetError lookup(String hostname, Throwable cause) {
        return new NetError("ENOTFOUND", Errno.ENOTFOUND.errno, "getaddrinfo",
                "getaddrinfo ENOTFOUND " + hostname, null, null, hostname, cause);
    }

    private static String where(String address, Integer port) {
        if (port != null && port > 0) {
            return " " + address + ":" + port;
        }
        return address == null ? "" : " " + address;
    }
}
