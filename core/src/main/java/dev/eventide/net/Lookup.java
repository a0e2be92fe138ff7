package dev.eventide.net;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Host name resolution for net, as Node's dns.lookup: an IP literal answers in a nextTick, a
 * name is resolved on the worker pool and answers in the poll phase. Runs on the caller's loop.
 */
final class Lookup {
    /** Receives the addresses (in the resolver's order), or the ENOTFOUND error. */
    @FunctionalInterface
    interface AllCallback {
        void done(List<InetAddress> addresses, NetError error) throws Exception;
    }

    /** Receives the first address, or the error. */
    @FunctionalInterface
    interface OneCallback {
        void done(InetAddress address, NetError error) throws Exception;
    }

    private Lookup() {}

    static void lookup(EventLoop loop, String host, int family, OneCallback cb) {
        lookupAll(loop, host, family, (all, err) -> cb.done(err == null ? all.get(0) : null, err));
    }

    static void lookupAll(EventLoop loop, String host, int family, AllCallback cb) {
        if (IpAddresses.isIP(host) != 0) {
            List<InetAddress> literal = List.of(literal(host));
            loop.nextTick(() -> cb.done(literal, null));
            return;
        }
        loop.queueWork(WorkKind.DNS, () -> InetAddress.getAllByName(host), (addresses, err) -> {
            List<InetAddress> kept = err == null ? filter(addresses, family) : List.of();
            if (kept.isEmpty()) {
                Throwable cause = err != null ? err : new UnknownHostException(host);
                cb.done(null, NetError.lookup(host, cause));
            } else {
                cb.done(kept, null);
            }
        });
    }

    /** The system's resolver as net's lookup function: addresses in the resolver's order, as text. */
    static NetLookup system(EventLoop loop) {
        return (host, request, cb) -> lookupAll(loop, host, request.family(), (addresses, err) -> {
            if (err != null) {
                cb.done(err, null);
                return;
            }
            List<LookupAddress> out = new ArrayList<>(addresses.size());
            for (InetAddress a : addresses) {
                out.add(new LookupAddress(IpAddresses.format(a), a instanceof Inet6Address ? 6 : 4));
            }
            cb.done(null, out);
        });
    }

    private static InetAddress literal(String ip) {
        try {
            // A literal is parsed, never resolved.
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an IP literal: " + ip, e);
        }
    }

    private static List<InetAddress> filter(InetAddress[] addresses, int family) {
        List<InetAddress> out = new ArrayList<>(addresses.length);
        for (InetAddress a : addresses) {
            if (family == 0 || (family == 4 && a instanceof Inet4Address) || (family == 6 && a instanceof Inet6Address)) {
                out.add(a);
            }
        }
        return out;
    }
}
