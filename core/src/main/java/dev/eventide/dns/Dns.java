package dev.eventide.dns;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.dns.DnsRecords.MxRecord;
import dev.eventide.dns.DnsRecords.NameService;
import dev.eventide.dns.DnsRecords.SrvRecord;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.WorkKind;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Node's dns module (the promise API). {@code lookup} and {@code lookupService} ask the operating
 * system (getaddrinfo/getnameinfo through InetAddress) on the worker pool's DNS lane; the
 * {@code resolve*} functions query name servers directly through a process-wide default
 * {@link Resolver}. Call from a loop thread; promises settle on that loop.
 */
public final class Dns {
    /** libuv's UV_EAI_NONAME, which Node reports as ENOTFOUND. */
    static final int EAI_NONAME = -3008;
    private static volatile Resolver defaultResolver;

    private Dns() {}

    static Resolver resolver() {
        Resolver r = defaultResolver;
        if (r == null) {
            synchronized (Dns.class) {
                if (defaultResolver == null) {
                    defaultResolver = new Resolver();
                }
                r = defaultResolver;
            }
        }
        return r;
    }

    // ---- the operating system's resolver ----

    public static Promise<LookupAddress> lookup(String hostname) {
        return lookup(hostname, new LookupOptions());
    }

    /** The first address of {@code hostname} in the requested order and family. */
    public static Promise<LookupAddress> lookup(String hostname, LookupOptions options) {
        return lookupAll(hostname, options).then(list -> list.isEmpty() ? new LookupAddress(null, 4) : list.get(0));
    }

    /** Node's lookup with {all: true}. */
    public static Promise<List<LookupAddress>> lookupAll(String hostname, LookupOptions options) {
        LookupOptions o = options == null ? new LookupOptions() : options;
        try {
            checkLookup(hostname, o);
        } catch (NodeError e) {
            return Promise.reject(e);
        }
        if (hostname.isEmpty()) {
            return Promise.resolve(List.of());
        }
        int literal = IpAddress.family(hostname);
        if (literal != 0) {
            return Promise.resolve(List.of(new LookupAddress(hostname, literal)));
        }
        return onPool(() -> addresses(hostname, o.family, o.order));
    }

    private static void checkLookup(String hostname, LookupOptions o) {
        if (hostname == null) {
            throw Errors.invalidArgType("hostname", "of type string", null);
        }
        if (o.family != 0 && o.family != 4 && o.family != 6) {
            throw Errors.invalidArgValue("options.family", o.family, "must be one of: 0, 4, 6");
        }
        if (!List.of("verbatim", "ipv4first", "ipv6first").contains(o.order)) {
            throw Errors.invalidArgValue("options.order", o.order,
                    "must be one of: 'verbatim', 'ipv4first', 'ipv6first'");
        }
    }

    private static List<LookupAddress> addresses(String hostname, int family, String order) {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(hostname);
        } catch (UnknownHostException e) {
            throw new DnsError("ENOTFOUND", "getaddrinfo", hostname, EAI_NONAME);
        }
        List<LookupAddress> out = new ArrayList<>();
        for (InetAddress a : all) {
            int f = a instanceof Inet6Address ? 6 : 4;
            if (family == 0 || family == f) {
                String text = a instanceof Inet4Address ? a.getHostAddress() : IpAddress.v6(a.getAddress(), 0);
                out.add(new LookupAddress(text, f));
            }
        }
        if (out.isEmpty()) {
            throw new DnsError("ENOTFOUND", "getaddrinfo", hostname, EAI_NONAME);
        }
        if (!order.equals("verbatim")) {
            int first = order.equals("ipv4first") ? 4 : 6;
            out.sort(Comparator.comparingInt(a -> a.family() == first ? 0 : 1));
        }
        return List.copyOf(out);
    }

    /** getnameinfo: the host name for an address (the address itself if it has none) and the TCP service name. */
    public static Promise<NameService> lookupService(String address, int port) {
        if (IpAddress.family(address) == 0) {
            return Promise.reject(Errors.invalidArgValue("address", address, "is invalid"));
        }
        if (port < 0 || port > 65535) {
            return Promise.reject(Errors.badPort("Port", port));
        }
        return onPool(() -> {
            String host = IpAddress.parse(address).getCanonicalHostName();
            return new NameService(host, Services.name(port, Path.of("/etc/services")));
        });
    }

    private static <T> Promise<T> onPool(Callable<T> work) {
        Deferred<T> result = Promise.withResolvers();
        EventLoop.current().queueWork(WorkKind.DNS, work, (value, error) -> {
            if (error != null) {
                result.reject(error);
            } else {
                result.resolve(value);
            }
        });
        return result.promise();
    }

    // ---- name servers, through the default Resolver ----

    public static List<String> getServers() {
        return resolver().getServers();
    }

    public static void setServers(List<String> servers) {
        resolver().setServers(servers);
    }

    public static Promise<List<String>> resolve4(String hostname) {
        return resolver().resolve4(hostname);
    }

    public static Promise<List<String>> resolve6(String hostname) {
        return resolver().resolve6(hostname);
    }

    public static Promise<List<String>> resolveCname(String hostname) {
        return resolver().resolveCname(hostname);
    }

    public static Promise<List<String>> resolveNs(String hostname) {
        return resolver().resolveNs(hostname);
    }

    public static Promise<List<String>> resolvePtr(String hostname) {
        return resolver().resolvePtr(hostname);
    }

    public static Promise<List<MxRecord>> resolveMx(String hostname) {
        return resolver().resolveMx(hostname);
    }

    public static Promise<List<SrvRecord>> resolveSrv(String hostname) {
        return resolver().resolveSrv(hostname);
    }

    public static Promise<List<List<String>>> resolveTxt(String hostname) {
        return resolver().resolveTxt(hostname);
    }

    public static Promise<List<String>> reverse(String ip) {
        return resolver().reverse(ip);
    }
}
