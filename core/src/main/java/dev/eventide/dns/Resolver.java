package dev.eventide.dns;

import dev.eventide.dns.DnsMessage.Malformed;
import dev.eventide.dns.DnsMessage.Response;
import dev.eventide.dns.DnsRecords.MxRecord;
import dev.eventide.dns.DnsRecords.SrvRecord;
import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Deferred;
import dev.eventide.promise.Promise;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's dns.Resolver: DNS queries over UDP (TCP when truncated) to its own name servers, by
 * default those of /etc/resolv.conf, with c-ares' timeout (2 s, doubling per round) and Node's
 * 4 tries. Settings belong to the loop thread that uses the resolver; each query runs on a
 * virtual thread, holds the loop alive while it waits, and settles its promise on the loop, so
 * a dead name server occupies neither the loop nor a pool thread.
 */
public final class Resolver {
    /** c-ares' DEFAULT_TIMEOUT. */
    public static final int DEFAULT_TIMEOUT_MS = 2000;
    /** Node's default for the tries option. */
    public static final int DEFAULT_TRIES = 4;

    private volatile List<InetSocketAddress> servers;
    private final int timeoutMs;
    private final int tries;

    public Resolver() {
        this(-1, DEFAULT_TRIES);
    }

    /** Node's new Resolver({timeout, tries}); a timeout of -1 means the default. */
    public Resolver(int timeoutMs, int tries) {
        if (timeoutMs < -1) {
            throw Errors.outOfRange("options.timeout", ">= -1 && <= 2147483647", timeoutMs);
        }
        if (tries < 1) {
            throw Errors.outOfRange("options.tries", ">= 1 && <= 2147483647", tries);
        }
        ResolvConf conf = ResolvConf.system();
        this.servers = conf.servers();
        this.timeoutMs = timeoutMs == -1 ? conf.timeoutMs(DEFAULT_TIMEOUT_MS) : timeoutMs;
        this.tries = tries;
    }

    /** The servers as Node prints them: "1.2.3.4", "1.2.3.4:5353", "[::1]:5353". */
    public List<String> getServers() {
        List<String> out = new ArrayList<>();
        for (InetSocketAddress s : servers) {
            String host = s.getAddress().getHostAddress();
            boolean v6 = host.contains(":");
            String shown = v6 ? IpAddress.v6(s.getAddress().getAddress(), 0) : host;
            out.add(s.getPort() == 53 ? shown : (v6 ? "[" + shown + "]" : shown) + ":" + s.getPort());
        }
        return out;
    }

    /** Node's setServers: IP literals with an optional port; anything else is ERR_INVALID_IP_ADDRESS. */
    public void setServers(List<String> list) {
        Errors.requireNonNull(list, "servers", "an instance of Array");
        List<InetSocketAddress> parsed = new ArrayList<>();
        for (String s : list) {
            parsed.add(ResolvConf.server(s));
        }
        servers = List.copyOf(new java.util.LinkedHashSet<>(parsed));
    }

    public Promise<List<String>> resolve4(String hostname) {
        return query(hostname, DnsMessage.A, "queryA");
    }

    public Promise<List<String>> resolve6(String hostname) {
        return query(hostname, DnsMessage.AAAA, "queryAaaa");
    }

    public Promise<List<String>> resolveCname(String hostname) {
        return query(hostname, DnsMessage.CNAME, "queryCname");
    }

    public Promise<List<String>> resolveNs(String hostname) {
        return query(hostname, DnsMessage.NS, "queryNs");
    }

    public Promise<List<String>> resolvePtr(String hostname) {
        return query(hostname, DnsMessage.PTR, "queryPtr");
    }

    public Promise<List<MxRecord>> resolveMx(String hostname) {
        return query(hostname, DnsMessage.MX, "queryMx");
    }

    public Promise<List<SrvRecord>> resolveSrv(String hostname) {
        return query(hostname, DnsMessage.SRV, "querySrv");
    }

    /** One list of strings per TXT record (its character-strings, not joined), as Node. */
    public Promise<List<List<String>>> resolveTxt(String hostname) {
        return query(hostname, DnsMessage.TXT, "queryTxt");
    }

    /** Node's dns.reverse: the PTR names of an IP address (syscall getHostByAddr). */
    public Promise<List<String>> reverse(String ip) {
        int family = IpAddress.family(ip);
        if (family == 0) {
            return Promise.reject(DnsError.query("EINVAL", "getHostByAddr", ip));
        }
        byte[] a = IpAddress.parse(ip).getAddress();
        StringBuilder name = new StringBuilder();
        for (int i = a.length - 1; i >= 0; i--) {
            if (family == 4) {
                name.append(a[i] & 0xff).append('.');
            } else {
                name.append(Integer.toHexString(a[i] & 0xf)).append('.').append(Integer.toHexString((a[i] >> 4) & 0xf)).append('.');
            }
        }
        name.append(family == 4 ? "in-addr.arpa" : "ip6.arpa");
        return query(name.toString(), DnsMessage.PTR, "getHostByAddr");
    }

    @SuppressWarnings("unchecked")
    private <T> Promise<List<T>> query(String hostname, int type, String syscall) {
        if (hostname == null) {
            return Promise.reject(Errors.invalidArgType("name", "of type string", null));
        }
        EventLoop loop = EventLoop.current();
        DnsClient client = new DnsClient(servers, timeoutMs, tries);
        Deferred<List<T>> result = Promise.withResolvers();
        loop.ref();
        Thread.ofVirtual().name("eventide-dns").start(() -> {
            List<T> value = null;
            Throwable error = null;
            try {
                value = (List<T>) (List<?>) run(client, hostname, type, syscall);
            } catch (Throwable t) {
                error = t;
            }
            List<T> v = value;
            Throwable e = error;
            loop.execute(() -> {
                loop.unref();
                if (e != null) {
                    result.reject(e);
                } else {
                    result.resolve(v);
                }
            });
        });
        return result.promise();
    }

    private static List<Object> run(DnsClient client, String hostname, int type, String syscall) {
        Response r = client.query(hostname, type, syscall);
        try {
            List<Object> values = RecordData.decode(r, type);
            if (values.isEmpty()) {
                throw DnsError.query("ENODATA", syscall, hostname);
            }
            return values;
        } catch (Malformed e) {
            throw DnsError.query("EBADRESP", syscall, hostname);
        } catch (NodeError e) {
            throw e;
        } catch (RuntimeException e) {
            // Bounds are checked before every read; this is the last line against a hostile packet.
            throw DnsError.query("EBADRESP", syscall, hostname);
        }
    }
}
