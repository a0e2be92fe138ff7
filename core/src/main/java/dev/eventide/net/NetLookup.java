package dev.eventide.net;

import dev.eventide.dns.DnsRecords.LookupAddress;
import java.util.List;

/**
 * The {@code lookup} option of Node's net.connect: a function that resolves the host name in
 * place of dns.lookup. It is called on the socket's loop thread, during connect(), and must
 * call back on that thread (at once or later, from any phase); a custom lookup that works on
 * another thread posts its answer with {@code loop.execute}.
 *
 * <pre>
 * new NetConnectOptions().host("db.internal").port(5432)
 *     .lookup((host, request, callback) -> callback.done(null, List.of(new LookupAddress("10.0.0.7", 4))));
 * </pre>
 */
@FunctionalInterface
public interface NetLookup {
    /**
     * Resolves {@code hostname}. With {@code request.all()} false (a family was asked for,
     * autoSelectFamily is off, or a localAddress is bound) only the first address is used.
     */
    void lookup(String hostname, Request request, Callback callback);

    /**
     * What net asks for, as Node's dnsopts: {@code family} 0 (any), 4 or 6; {@code hints} the
     * getaddrinfo flags (dns.ADDRCONFIG, 32 on Linux, when neither a family nor hints were given);
     * {@code all} whether every address is wanted (autoSelectFamily).
     */
    record Request(int family, int hints, boolean all) {}

    /** The lookup's answer: an error (the connect fails with it), or the addresses. */
    @FunctionalInterface
    interface Callback {
        void done(Throwable error, List<LookupAddress> addresses);
    }
}
