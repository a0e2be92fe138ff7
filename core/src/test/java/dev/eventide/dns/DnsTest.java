package dev.eventide.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.dns.DnsRecords.MxRecord;
import dev.eventide.dns.DnsRecords.SrvRecord;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resolver against a DNS server the test runs on 127.0.0.1 (no outside network): records of
 * each type, TCP fallback, Node's error codes, hostile replies, timeouts; lookup and lookupService.
 */
class DnsTest {
    private static TestDnsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestDnsServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Resolver resolver(int timeout, int tries, String... servers) {
        Resolver r = new Resolver(timeout, tries);
        r.setServers(servers.length == 0 ? List.of(server.address()) : List.of(servers));
        return r;
    }

    /** Runs a promise to completion on a loop and returns its value or throws its reason. */
    private static <T> T await(Callable<Promise<T>> body) {
        List<T> value = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        int code = EventLoop.run(() -> {
            try {
                body.call().then(v -> value.add(v), e -> {
                    failure[0] = e;
                    return null;
                });
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        assertThat(failure[0]).isNull();
        assertThat(code).isZero();
        return value.get(0);
    }

    private static DnsError failure(Callable<Promise<Object>> body) {
        try {
            await(body);
        } catch (DnsError e) {
            return e;
        }
        throw new AssertionError("expected a DnsError");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Callable<Promise<Object>> any(Callable<? extends Promise<?>> body) {
        return (Callable) body;
    }

    @Test
    void resolvesEachRecordType() {
        Resolver r = resolver(500, 2);
        assertThat(await(() -> r.resolve4("a.test"))).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(await(() -> r.resolve6("A.TEST."))).containsExactly("2001:db8::1");
        assertThat(await(() -> r.resolve4("alias.test"))).containsExactly("10.0.0.1");
        assertThat(await(() -> r.resolveCname("alias.test"))).containsExactly("a.test");
        assertThat(await(() -> r.resolveMx("mx.test")))
                .containsExactly(new MxRecord("mail.test", 10), new MxRecord("mail2.mx.test", 20));
        assertThat(await(() -> r.resolveTxt("txt.test"))).containsExactly(List.of("v=spf1", "-all"), List.of("second"));
        assertThat(await(() -> r.resolveSrv("_sip._tcp.test"))).containsExactly(new SrvRecord("sip.test", 5060, 1, 5));
        assertThat(await(() -> r.resolveNs("ns.test"))).containsExactly("ns1.test");
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() {
        int before = server.tcpQueries.get();
        List<String> all = await(() -> resolver(500, 2).resolve4("big.test"));
        assertThat(all).hasSize(60).startsWith("10.1.0.0").endsWith("10.1.0.59");
        assertThat(server.tcpQueries.get()).isEqualTo(before + 1);
    }

    @Test
    void nodesErrorCodesCarrySyscallAndHostname() {
        Resolver r = resolver(500, 2);
        DnsError nx = failure(any(() -> r.resolve4("nx.test")));
        assertThat(nx.code()).isEqualTo("ENOTFOUND");
        assertThat(nx.syscall()).isEqualTo("queryA");
        assertThat(nx.hostname()).isEqualTo("nx.test");
        assertThat(nx.getMessage()).isEqualTo("queryA ENOTFOUND nx.test");
        assertThat(nx.errno()).isNull();
        assertThat(failure(any(() -> r.resolveMx("a.test"))).getMessage()).isEqualTo("queryMx ENODATA a.test");
        assertThat(failure(any(() -> r.resolve4("fail.test"))).code()).isEqualTo("ESERVFAIL");
        assertThat(failure(any(() -> r.resolveTxt("refused.test"))).getMessage()).isEqualTo("queryTxt EREFUSED refused.test");
        assertThat(failure(any(() -> r.resolve4("bad..name"))).code()).isEqualTo("EBADNAME");
    }

    @Test
    void hostileRepliesAreEbadrespNeverAHangOrAnEscape() {
        Resolver r = resolver(300, 1);
        for (String name : List.of("loop.test", "trunc.test", "forward.test", "wrongid.test", "short.test")) {
            long start = System.nanoTime();
            DnsError e = failure(any(() -> r.resolve4(name)));
            assertThat(e.code()).as(name).isEqualTo("EBADRESP");
            assertThat((System.nanoTime() - start) / 1_000_000).as(name).isLessThan(5_000);
        }
        assertThat(failure(any(() -> r.resolveTxt("badtxt.test"))).code()).isEqualTo("EBADRESP");
    }

    @Test
    void aSilentServerTimesOutAfterItsTriesWithBackoff() throws Exception {
        try (TestDnsServer silent = new TestDnsServer(true)) {
            Resolver r = resolver(100, 3, silent.address());
            long start = System.nanoTime();
            DnsError e = failure(any(() -> r.resolve4("a.test")));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(e.code()).isEqualTo("ETIMEOUT");
            assertThat(e.getMessage()).isEqualTo("queryA ETIMEOUT a.test");
            assertThat(silent.udpQueries.get()).isEqualTo(3);
            assertThat(ms).isBetween(650L, 5_000L); // 100 + 200 + 400 ms
        }
    }

    @Test
    void aClosedPortIsEconnrefusedAndTheNextServerIsTried() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThat(failure(any(() -> resolver(300, 2, "127.0.0.1:" + closed).resolve4("a.test"))).code())
                .isEqualTo("ECONNREFUSED");
        assertThat(await(() -> resolver(300, 2, "127.0.0.1:" + closed, server.address()).resolve4("a.test")))
                .containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void setServersParsesNodesFormsAndRejectsOthers() {
        Resolver r = new Resolver();
        r.setServers(List.of("127.0.0.1:5353", "[::1]:53", "::1", "[::1]", "8.8.8.8"));
        assertThat(r.getServers()).containsExactly("127.0.0.1:5353", "::1", "8.8.8.8");
        assertThatThrownBy(() -> r.setServers(List.of("nope"))).hasMessage("Invalid IP address: nope")
                .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_INVALID_IP_ADDRESS");
        assertThatThrownBy(() -> r.setServers(List.of("1.2.3.4:99999"))).hasMessage("Invalid IP address: 1.2.3.4:99999");
    }

    @Test
    void lookupUsesTheSystemResolverWithNodesShapes() {
        List<LookupAddress> local = await(() -> Dns.lookupAll("localhost", new LookupOptions().family(4)));
        assertThat(local).contains(new LookupAddress("127.0.0.1", 4));
        assertThat(await(() -> Dns.lookup("127.0.0.1"))).isEqualTo(new LookupAddress("127.0.0.1", 4));
        assertThat(await(() -> Dns.lookup("::1"))).isEqualTo(new LookupAddress("::1", 6));
        assertThat(await(() -> Dns.lookup(""))).isEqualTo(new LookupAddress(null, 4));
        DnsError nx = failure(any(() -> Dns.lookup("does-not-exist.invalid")));
        assertThat(nx.getMessage()).isEqualTo("getaddrinfo ENOTFOUND does-not-exist.invalid");
        assertThat(nx.errno()).isEqualTo(-3008);
        assertThat(nx.syscall()).isEqualTo("getaddrinfo");
        assertThatThrownBy(() -> await(() -> Dns.lookup("x", new LookupOptions().family(5))))
                .hasMessage("The property 'options.family' must be one of: 0, 4, 6. Received 5");
    }

    @Test
    void lookupServiceNamesThePortFromEtcServices() {
        var ssh = await(() -> Dns.lookupService("127.0.0.1", 22));
        assertThat(ssh.service()).isEqualTo(java.nio.file.Files.exists(java.nio.file.Path.of("/etc/services")) ? "ssh" : "22");
        assertThat(ssh.hostname()).isNotEmpty();
        assertThat(await(() -> Dns.lookupService("127.0.0.1", 59999)).service()).isEqualTo("59999");
        assertThatThrownBy(() -> await(() -> Dns.lookupService("nope", 22)))
                .hasMessage("The argument 'address' is invalid. Received 'nope'");
        assertThatThrownBy(() -> await(() -> Dns.lookupService("127.0.0.1", 70000)))
                .hasMessage("Port should be >= 0 and < 65536. Received type number (70000).");
    }
}
