package dev.eventide.errors;

import java.util.Map;

/**
 * An error from the operating system or a system library, with Node's SystemError shape: a
 * code ({@code ENOENT}, {@code ECONNREFUSED}), the negated errno, the call that failed
 * ({@code open}, {@code connect}, {@code getaddrinfo}, {@code queryA}) and what it was about:
 * a path (and destination), an address and port, or a host name. Fields that do not apply are
 * null, as they are absent in Node. Immutable; safe to share between threads.
 *
 * <p>fs errors are SystemErrors; net's {@code NetError} and dns's {@code DnsError} extend it,
 * so one {@code catch (SystemError e)} sees them all.
 */
public class SystemError extends NodeError {
    private static final long serialVersionUID = 1L;

    private final Integer errno;
    private final String syscall;
    private final String path;
    private final String dest;
    private final String address;
    private final Integer port;
    private final String hostname;
    private final transient Map<String, Object> info;

    /** Builds one; callers are the packages that talk to the system (fs, net, dns). */
    protected SystemError(Fields f, String message, Throwable cause) {
        super(f.code, message, cause);
        this.errno = f.errno;
        this.syscall = f.syscall;
        this.path = f.path;
        this.dest = f.dest;
        this.address = f.address;
        this.port = f.port;
        this.hostname = f.hostname;
        this.info = f.info == null ? null : Map.copyOf(f.info);
    }

    /** A SystemError from the given fields. */
    public static SystemError of(Fields fields, String message, Throwable cause) {
        return new SystemError(fields, message, cause);
    }

    /** Node's err.errno: the negated system error number (-2 for ENOENT), or null (DNS queries). */
    public Integer errno() {
        return errno;
    }

    /** The call that failed: open, read, connect, listen, getaddrinfo, queryA... */
    public String syscall() {
        return syscall;
    }

    /** The path involved, or null. */
    public String path() {
        return path;
    }

    /** The second path of rename, copyfile, link and symlink, or null. */
    public String dest() {
        return dest;
    }

    /** The address involved (an IP or a socket path), or null. */
    public String address() {
        return address;
    }

    /** The port involved, or null. */
    public Integer port() {
        return port;
    }

    /** The host name being resolved, or null. */
    public String hostname() {
        return hostname;
    }

    /** The details of an ERR_FS_* system error (code, message, path, syscall, errno), or null. */
    public Map<String, Object> info() {
        return info;
    }

    /** The fields of a SystemError, set by name. Not thread-safe; use it and drop it. */
    public static final class Fields {
        final String code;
        Integer errno;
        String syscall;
        String path;
        String dest;
        String address;
        Integer port;
        String hostname;
        Map<String, Object> info;

        public Fields(String code) {
            this.code = code;
        }

        public Fields errno(Integer value) {
            errno = value;
            return this;
        }

        public Fields syscall(String value) {
            syscall = value;
            return this;
        }

        public Fields path(String value) {
            path = value;
            return this;
        }

        public Fields dest(String value) {
            dest = value;
            return this;
        }

        public Fields address(String value) {
            address = value;
            return this;
        }

        public Fields port(Integer value) {
            port = value;
            return this;
        }

        public Fields hostname(String value) {
            hostname = value;
            return this;
        }

        public Fields info(Map<String, Object> value) {
            info = value;
            return this;
        }
    }
}
