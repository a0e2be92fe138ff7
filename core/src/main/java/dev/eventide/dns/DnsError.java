package dev.eventide.dns;

import dev.eventide.errors.SystemError;

/**
 * A DNS failure with Node's shape: {@code code} (ENOTFOUND, ENODATA, ETIMEOUT, ...), the
 * {@code syscall} that failed ("queryA", "getaddrinfo", "getnameinfo"), the {@code hostname}
 * asked about, and for getaddrinfo errors libuv's {@code errno}. Immutable.
 *
 * <p>The message is Node's: {@code "queryA ENOTFOUND example.invalid"}.
 */
public final class DnsError extends SystemError {
    private static final long serialVersionUID = 1L;

    DnsError(String code, String syscall, String hostname, Integer errno) {
        super(new Fields(code).errno(errno).syscall(syscall).hostname(hostname),
                syscall + " " + code + (hostname == null ? "" : " " + hostname), null);
    }

    /** A resolver (c-ares) error: no errno, as in Node. */
    static DnsError query(String code, String syscall, String hostname) {
        return new DnsError(code, syscall, hostname, null);
    }
}
