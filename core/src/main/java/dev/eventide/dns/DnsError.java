package dev.eventide.dns;

import dev.eventide.errors.NodeError;

/**
 * A DNS failure with Node's shape: {@code code} (ENOTFOUND, ENODATA, ETIMEOUT, ...), the
 * {@code syscall} that failed ("queryA", "getaddrinfo", "getnameinfo"), the {@code hostname}
 * asked about, and for getaddrinfo errors libuv's {@code errno}. Immutable.
 *
 * <p>The message is Node's: {@code "queryA ENOTFOUND example.invalid"}.
 */
public final class DnsError extends NodeError {
    private static final long serialVersionUID = 1L;

    private final String syscall;
    private final String hostname;
    private final Integer errno;

    DnsError(String code, String syscall, String hostname, Integer errno) {
        super(code, syscall + " " + code + (hostname == null ? "" : " " + hostname));
        this.syscall = syscall;
        this.hostname = hostname;
        this.errno = errno;
    }

    /** A resolver (c-ares) error: no errno, as in Node. */
    static DnsError query(String code, String syscall, String hostname) {
        return new DnsError(code, syscall, hostname, null);
    }

    public String syscall() {
        return syscall;
    }

    public String hostname() {
        return hostname;
    }

    /** libuv's negative errno for getaddrinfo failures (ENOTFOUND is -3008); null for resolver errors. */
    public Integer errno() {
        return errno;
    }
}
