package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import dev.eventide.loop.NodeOracle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * autoSelectFamily (Node 20's happy eyeballs) with real sockets on loopback: the attempt order,
 * the connectionAttempt/Failed/Timeout events, autoSelectFamilyAttemptedAddresses, the
 * aggregate error, cancellation by destroy, and that every abandoned attempt's socket is
 * closed. Timeouts run on a fake clock (node's side blocks its loop for as long instead).
 */
class ConnectAttemptsTest {
    /** The event logger shared by the scripts below: the port is written as P. */
    static final String WATCH_JS = """
            const net = require('net');
            const log = (s) => console.log(s);
            const watch = (c, port) => {
              const P = (s) => String(s).split(String(port)).join('P');
              c.on('lookup', (e, ip, fam, host) => log('lookup:' + (e ? e.code : e) + ':' + ip + ':' + fam + ':' + host));
              c.on('connectionAttempt', (ip, p, fam) => log('attempt:' + ip + ':' + P(p) + ':' + fam));
              c.on('connectionAttemptFailed', (ip, p, fam, e) => log('failed:' + ip + ':' + fam + ':' + e.code + ':' + P(e.message)));
              c.on('connectionAttemptTimeout', (ip, p, fam) => log('timeout:' + ip + ':' + P(p) + ':' + fam));
              c.on('connect', () => log('connect:' + c.remoteAddress + ':' + P(JSON.stringify(c.autoSelectFamilyAttemptedAddresses))));
              c.on('error', e => log('error:' + (e instanceof AggregateError ? 'AggregateError' : 'Error') + ':' + e.code
                + ':' + P(JSON.stringify(e.message)) + ':' + (e.errors || []).map(x => P(x.message)).join(',')));
              c.on('close', h => log('close:' + h + ':' + P(JSON.stringify(c.autoSelectFamilyAttemptedAddresses))));
            };
            const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
            """;

    /** The Java side of WATCH_JS. */
    static void watch(NetSocket c, int port, List<String> trace) {
        c.on("lookup", a -> trace.add("lookup:" + (a[0] == null ? "null" : ((NodeError) a[0]).code()) + ":" + js(a[1])
                + ":" + js(a[2]) + ":" + a[3]));
        c.on("connectionAttempt", a -> trace.add("attempt:" + a[0] + ":" + p(a[1], port) + ":" + js(a[2])));
        c.on("connectionAttemptFailed", a -> trace.add("failed:" + a[0] + ":" + js(a[2]) + ":"
                + ((NodeError) a[3]).code() + ":" + p(((Throwable) a[3]).getMessage(), port)));
        c.on("connectionAttemptTimeout", a -> trace.add("timeout:" + a[0] + ":" + p(a[1], port) + ":" + a[2]));
        c.on("connect", a -> trace.add("connect:" + c.remoteAddress() + ":"
                + p(json(c.autoSelectFamilyAttemptedAddresses()), port)));
        c.on("error", a -> {
            NodeError e = (NodeError) a[0];
            List<Throwable> errors = e instanceof NetAggregateError g ? g.errors() : List.of();
            String name = e instanceof NetAggregateError ? "AggregateError" : "Error";
            trace.add("error:" + name + ":" + e.code() + ":" + p("\"" + e.getMessage() + "\"", port) + ":"
                    + errors.stream().map(x -> p(x.getMessage(), port)).collect(Collectors.joining(",")));
        });
        c.on("close", a -> trace.add("close:" + a[0] + ":" + p(json(c.autoSelectFamilyAttemptedAddresses()), port)));
    }

    static String js(Object o) {
        return o == null ? "undefined" : o.toString();
    }

    static String p(Object o, int port) {
        return String.valueOf(o).replace(String.valueOf(port), "P");
    }

    static String json(List<String> list) {
        return list == null ? "undefined"
                : list.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static NetLookup answer(LookupAddress... addresses) {
        return (host, request, cb) -> cb.done(null, List.of(addresses));
    }

    static LookupAddress v4(String ip) {
        return new LookupAddress(ip, 4);
    }

    static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void failedAttemptsMoveOnThroughTheAddressesInAlternatingFamilyOrder() {
        assumeTrue(ipv6Loopback(), "no ::1 on this machine");
        String js = WATCH_JS + """
                const server = net.createServer(s => s.end());
                server.listen(0, '127.0.0.1', () => {
                  const port = server.address().port;
                  const lookup = (host, o, cb) => {
                    log('lookup-fn:' + host + ':' + (o.family ?? 0) + ':' + o.hints + ':' + o.all);
                    setImmediate(() => cb(null, [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 },
                      { address: '127.0.0.2', family: 4 }, { address: '::1', family: 6 }]));
                  };
                  const c = net.connect({ host: 'example.test', port, lookup });
                  watch(c, port);
                  c.resume();
                  c.on('close', () => server.close());
                });
                """;
        List<String> expected = List.of("lookup-fn:example.test:0:32:true",
                "lookup:null:127.0.0.2:4:example.test", "lookup:null:127.0.0.1:4:example.test",
                "lookup:null:127.0.0.2:4:example.test", "lookup:null:::1:6:example.test",
                "attempt:127.0.0.2:P:4", "failed:127.0.0.2:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.2:P",
                "attempt:::1:P:6", "failed:::1:6:ECONNREFUSED:connect ECONNREFUSED ::1:P",
                "attempt:127.0.0.1:P:4", "connect:127.0.0.1:[\"127.0.0.2:P\",\"::1:P\",\"127.0.0.1:P\"]",
                "close:false:[\"127.0.0.2:P\",\"::1:P\",\"127.0.0.1:P\"]");
        NetHarness.assertSameAsNode(js, expected, trace -> {
            NetServer server = Net.createServer(s -> s.end());
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                NetLookup lookup = (host, o, cb) -> {
                    trace.add("lookup-fn:" + host + ":" + o.family() + ":" + o.hints() + ":" + o.all());
                    EventLoop.current().setImmediate(() -> cb.done(null, List.of(v4("127.0.0.2"), v4("127.0.0.1"),
                            v4("127.0.0.2"), new LookupAddress("::1", 6))));
                };
                NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(port).lookup(lookup));
                watch(c, port, trace);
                c.resume();
                c.on("close", a -> server.close());
            });
        });
    }

    @Test
    void whenEveryAddressIsRefusedTheErrorAggregatesEachAttemptsErrorAndNoSocketStaysOpen() {
        String js = WATCH_JS + """
                const server = net.createServer();
                server.listen(0, '127.0.0.1', () => {
                  const port = server.address().port;
                  server.close(() => {
                    const lookup = (host, o, cb) => process.nextTick(cb, null,
                      [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.3', family: 4 }]);
                    watch(net.connect({ host: 'example.test', port, lookup }), port);
                  });
                });
                """;
        List<String> expected = List.of("lookup:null:127.0.0.2:4:example.test",
                "lookup:null:127.0.0.3:4:example.test", "attempt:127.0.0.2:P:4",
                "failed:127.0.0.2:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.2:P", "attempt:127.0.0.3:P:4",
                "failed:127.0.0.3:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.3:P",
                "error:AggregateError:ECONNREFUSED:\"\":connect ECONNREFUSED 127.0.0.2:P,connect ECONNREFUSED 127.0.0.3:P",
                "close:true:[\"127.0.0.2:P\",\"127.0.0.3:P\"]");
        NodeOracle.assertNodePrints(js, expected);
        assertLeavesNoSocketOpen(() -> NetHarness.run(20, trace -> {
            NetServer server = Net.createServer();
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                server.close(() -> {
                    NetLookup lookup = (host, o, cb) -> EventLoop.current().nextTick(() ->
                            cb.done(null, List.of(v4("127.0.0.2"), v4("127.0.0.3"))));
                    watch(Net.connect(new NetConnectOptions().host("example.test").port(port).lookup(lookup)), port,
                            trace);
                });
            });
        }).trace(), expected);
    }

    private static final String TIMEOUT_JS = """
            const server = net.createServer(s => s.end());
            server.listen(0, '127.0.0.1', () => {
              const port = server.address().port;
              const go = () => {
                const lookup = (host, o, cb) => setImmediate(() => {
                  cb(null, [{ address: '127.0.0.2', family: 4 }, { address: SECOND, family: 4 }]);
                  busy(50);
                });
                const c = net.connect({ host: 'example.test', port, lookup, autoSelectFamilyAttemptTimeout: 10 });
                watch(c, port);
                c.resume();
              };
              if (SECOND === '127.0.0.1') { go(); server.on('connection', s => server.close()); } else { server.close(go); }
            });
            """;

    /** The timeout scenario on a fake clock: 50 ms pass right after the first attempt starts. */
    private static List<String> timeoutScenario(String second) {
        FakeClock clock = new FakeClock();
        return NetHarness.run(20, clock, trace -> {
            NetServer server = Net.createServer(s -> s.end());
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                Runnable go = () -> {
                    NetLookup lookup = (host, o, cb) -> EventLoop.current().setImmediate(() -> {
                        cb.done(null, List.of(v4("127.0.0.2"), v4(second)));
                        clock.advanceMillis(50);
                    });
                    NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(port).lookup(lookup)
                            .autoSelectFamilyAttemptTimeout(10));
                    watch(c, port, trace);
                    c.resume();
                };
                if (second.equals("127.0.0.1")) {
                    go.run();
                    server.on("connection", a -> server.close());
                } else {
                    server.close(go::run);
                }
            });
        }).trace();
    }

    @Test
    void anAttemptThatTimesOutIsClosedAndTheNextAddressIsTried() {
        List<String> expected = List.of("lookup:null:127.0.0.2:4:example.test",
                "lookup:null:127.0.0.1:4:example.test", "attempt:127.0.0.2:P:4", "timeout:127.0.0.2:P:4",
                "attempt:127.0.0.1:P:4", "connect:127.0.0.1:[\"127.0.0.2:P\",\"127.0.0.1:P\"]",
                "close:false:[\"127.0.0.2:P\",\"127.0.0.1:P\"]");
        NodeOracle.assertNodePrints(WATCH_JS + TIMEOUT_JS.replace("SECOND", "'127.0.0.1'"), expected);
        assertLeavesNoSocketOpen(() -> timeoutScenario("127.0.0.1"), expected);
    }

    @Test
    void aTimedOutAttemptCountsInTheAggregateAsEtimedout() {
        List<String> expected = List.of("lookup:null:127.0.0.2:4:example.test",
                "lookup:null:127.0.0.3:4:example.test", "attempt:127.0.0.2:P:4", "timeout:127.0.0.2:P:4",
                "attempt:127.0.0.3:P:4", "failed:127.0.0.3:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.3:P",
                "error:AggregateError:ETIMEDOUT:\"\":connect ETIMEDOUT 127.0.0.2:P,connect ECONNREFUSED 127.0.0.3:P",
                "close:true:[\"127.0.0.2:P\",\"127.0.0.3:P\"]");
        NodeOracle.assertNodePrints(WATCH_JS + TIMEOUT_JS.replace("SECOND", "'127.0.0.3'"), expected);
        assertLeavesNoSocketOpen(() -> timeoutScenario("127.0.0.3"), expected);
    }

    @Test
    void destroyingTheSocketCancelsTheAttemptInFlightBeforeClose() {
        String js = WATCH_JS + """
                const server = net.createServer();
                server.listen(0, '127.0.0.1', () => {
                  const port = server.address().port;
                  const lookup = (host, o, cb) => cb(null, [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }]);
                  const c = net.connect({ host: 'example.test', port, lookup });
                  log('attempted:' + JSON.stringify(c.autoSelectFamilyAttemptedAddresses).split(port).join('P'));
                  watch(c, port);
                  c.destroy();
                  c.on('close', () => server.close());
                });
                """;
        // The lookup answered inside connect(), so its events came before any listener.
        List<String> expected = List.of("attempted:[\"127.0.0.2:P\"]",
                "failed:127.0.0.2:4:ECANCELED:connect ECANCELED 127.0.0.2:P", "close:false:[\"127.0.0.2:P\"]");
        NodeOracle.assertNodePrints(js, expected);
        assertLeavesNoSocketOpen(() -> NetHarness.run(20, trace -> {
            NetServer server = Net.createServer();
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(port)
                        .lookup(answer(v4("127.0.0.2"), v4("127.0.0.1"))));
                trace.add("attempted:" + p(json(c.autoSelectFamilyAttemptedAddresses()), port));
                watch(c, port, trace);
                c.destroy();
                c.on("close", a -> server.close());
            });
        }).trace(), expected);
    }

    @Test
    void attemptOrderKeepsEachAddressOnceAndAlternatesFromTheFirstFamily() {
        LookupAddress a6 = new LookupAddress("::1", 6);
        LookupAddress b6 = new LookupAddress("2001:db8::2", 6);
        List<LookupAddress> order = ConnectAttempts.order(List.of(a6, v4("10.0.0.1"), b6, a6,
                new LookupAddress("bogus", 4), new LookupAddress("10.0.0.9", 5), v4("10.0.0.2"), v4("10.0.0.3")));
        assertThat(order).extracting(LookupAddress::address)
                .containsExactly("::1", "10.0.0.1", "2001:db8::2", "10.0.0.2", "10.0.0.3");
    }

    /** Runs {@code scenario}, asserts its trace, and that no socket it opened is still open. */
    static void assertLeavesNoSocketOpen(java.util.function.Supplier<List<String>> scenario, List<String> expected) {
        Set<String> before = NetHarness.openSockets();
        assertThat(scenario.get()).as("our trace").containsExactlyElementsOf(expected);
        Set<String> after = NetHarness.openSockets();
        if (before != null) {
            after.removeAll(before);
            assertThat(after).as("sockets left open").isEmpty();
        }
    }
}
