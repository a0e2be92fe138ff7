package dev.eventide.net;

import static dev.eventide.net.ConnectAttemptsTest.WATCH_JS;
import static dev.eventide.net.ConnectAttemptsTest.v4;
import static dev.eventide.net.ConnectAttemptsTest.watch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.dns.DnsRecords.LookupAddress;
import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A connect to one address (Node's internalConnect): its connectionAttempt and
 * connectionAttemptFailed events, what the lookup option is asked and how its bad answers fail,
 * the local address in a connect error, and the option checks made before connecting.
 */
class ConnectorTest {
    private static final String SINGLE_JS = WATCH_JS + """
            const server = net.createServer();
            server.listen(0, '127.0.0.1', () => {
              const port = server.address().port;
              server.close(() => {
                const a = net.connect(port, '127.0.0.1');
                watch(a, port);
                a.on('close', () => {
                  const lookup = (host, o, cb) => {
                    log('lookup-fn:' + host + ':' + (o.family ?? 0) + ':' + o.hints + ':' + (o.all ?? false));
                    setImmediate(() => cb(null, '127.0.0.2', 4));
                  };
                  const b = net.connect({ host: 'example.test', port, lookup, autoSelectFamily: false });
                  watch(b, port);
                  b.on('close', () => watch(net.connect({ host: 'example.test', port, lookup, family: 4, hints: 8 }), port));
                });
              });
            });
            """;

    @Test
    void aSingleAddressIsAnnouncedAndItsFailureIsThePlainConnectError() {
        List<String> expected = List.of("attempt:127.0.0.1:P:4",
                "failed:127.0.0.1:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.1:P",
                "error:Error:ECONNREFUSED:\"connect ECONNREFUSED 127.0.0.1:P\":", "close:true:undefined",
                "lookup-fn:example.test:0:32:false", "lookup:null:127.0.0.2:4:example.test",
                "attempt:127.0.0.2:P:4", "failed:127.0.0.2:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.2:P",
                "error:Error:ECONNREFUSED:\"connect ECONNREFUSED 127.0.0.2:P\":", "close:true:undefined",
                "lookup-fn:example.test:4:8:false", "lookup:null:127.0.0.2:4:example.test",
                "attempt:127.0.0.2:P:4", "failed:127.0.0.2:4:ECONNREFUSED:connect ECONNREFUSED 127.0.0.2:P",
                "error:Error:ECONNREFUSED:\"connect ECONNREFUSED 127.0.0.2:P\":", "close:true:undefined");
        NetHarness.assertSameAsNode(SINGLE_JS, expected, trace -> {
            NetServer server = Net.createServer();
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                server.close(() -> {
                    NetSocket a = Net.connect(port, "127.0.0.1");
                    watch(a, port, trace);
                    NetLookup lookup = (host, o, cb) -> {
                        trace.add("lookup-fn:" + host + ":" + o.family() + ":" + o.hints() + ":" + o.all());
                        // Two addresses, but a single connect uses the first only.
                        EventLoop.current().setImmediate(() -> cb.done(null, List.of(v4("127.0.0.2"), v4("127.0.0.1"))));
                    };
                    a.on("close", x -> {
                        NetSocket b = Net.connect(new NetConnectOptions().host("example.test").port(port).lookup(lookup)
                                .autoSelectFamily(false));
                        watch(b, port, trace);
                        b.on("close", y -> watch(Net.connect(new NetConnectOptions().host("example.test").port(port)
                                .lookup(lookup).family(4).hints(8)), port, trace));
                    });
                });
            });
        });
    }

    @Test
    void badLookupAnswersAndLookupErrorsFailTheSocketAsNodeDoes() {
        String js = WATCH_JS + """
                const port = 9;
                const answers = [[{ address: 'x', family: 4 }], [{ address: '1.2.3.4', family: 5 }], 'error'];
                const err = Object.assign(new Error('no such host'), { code: 'ENOTFOUND' });
                const next = () => {
                  const answer = answers.shift();
                  if (!answer) return;
                  const c = net.connect({ host: 'example.test', port, lookup: (h, o, cb) => setImmediate(() =>
                    answer === 'error' ? cb(err) : cb(null, answer)) });
                  watch(c, port);
                  c.on('close', next);
                };
                next();
                """;
        List<String> expected = List.of("lookup:null:x:4:example.test",
                "error:Error:ERR_INVALID_IP_ADDRESS:\"Invalid IP address: x\":", "close:true:undefined",
                "lookup:null:1.2.3.4:5:example.test",
                "error:Error:ERR_INVALID_ADDRESS_FAMILY:\"Invalid address family: 5 example.test:P\":",
                "close:true:undefined", "lookup:ENOTFOUND:undefined:undefined:example.test",
                "error:Error:ENOTFOUND:\"no such host\":", "close:true:undefined");
        List<List<LookupAddress>> answers = List.of(List.of(v4("x")), List.of(new LookupAddress("1.2.3.4", 5)));
        NetHarness.assertSameAsNode(js, expected, trace -> next(trace, answers, 0));
    }

    private static void next(List<String> trace, List<List<LookupAddress>> answers, int i) {
        if (i > answers.size()) {
            return;
        }
        NetLookup lookup = (h, o, cb) -> EventLoop.current().setImmediate(() -> {
            if (i == answers.size()) {
                cb.done(new NodeError("ENOTFOUND", "no such host"), null);
            } else {
                cb.done(null, answers.get(i));
            }
        });
        NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(9).lookup(lookup));
        watch(c, 9, trace);
        c.on("close", a -> next(trace, answers, i + 1));
    }

    @Test
    void aConnectErrorNamesTheLocalAddressWhenALocalPortWasBound() throws Exception {
        int localPort;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            localPort = probe.getLocalPort();
        }
        String js = """
                const net = require('net');
                const server = net.createServer().listen(0, '127.0.0.1', () => {
                  const port = server.address().port;
                  server.close(() => net.connect({ port, host: '127.0.0.1', localPort: LP })
                    .on('error', e => console.log(e.message.split(String(port)).join('P'))));
                });
                """.replace("LP", String.valueOf(localPort));
        List<String> expected = List.of("connect ECONNREFUSED 127.0.0.1:P - Local (0.0.0.0:" + localPort + ")");
        NetHarness.assertSameAsNode(js, expected, trace -> {
            NetServer server = Net.createServer();
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                server.close(() -> Net.connect(new NetConnectOptions().port(port).host("127.0.0.1").localPort(localPort))
                        .on("error", a -> trace.add(((Throwable) a[0]).getMessage().replace(String.valueOf(port), "P"))));
            });
        });
    }

    @Test
    void optionsAreCheckedAsNodeChecksThem() {
        String js = """
                const net = require('net');
                for (const o of [{ autoSelectFamilyAttemptTimeout: 0 }, { host: 'localhost', hints: 1234 },
                                 { host: 'localhost', family: 5 }]) {
                  try { net.connect({ port: 80, ...o }); } catch (e) { console.log(e.code + '|' + e.message); }
                }
                """;
        List<String> expected = List.of("ERR_OUT_OF_RANGE|The value of \"options.autoSelectFamilyAttemptTimeout\" is out"
                + " of range. It must be >= 1 && <= 2147483647. Received 0",
                "ERR_INVALID_ARG_VALUE|The argument 'hints' is invalid. Received 1234",
                "ERR_INVALID_ARG_VALUE|The property 'options.family' must be one of: 0, 4, 6. Received 5");
        NodeOracle.assertNodePrints(js, expected);
        List<NetConnectOptions> bad = List.of(new NetConnectOptions().port(80).autoSelectFamilyAttemptTimeout(0),
                new NetConnectOptions().port(80).host("localhost").hints(1234),
                new NetConnectOptions().port(80).host("localhost").family(5));
        NetHarness.Run run = NetHarness.run(10, trace -> {
            for (NetConnectOptions o : bad) {
                try {
                    Net.connect(o);
                } catch (NodeError e) {
                    trace.add(e.code() + "|" + e.getMessage());
                }
            }
        });
        assertThat(run.trace()).containsExactlyElementsOf(expected);
    }

    @Test
    void anAttemptTimeoutBelowTenIsTen() {
        dev.eventide.loop.FakeClock clock = new dev.eventide.loop.FakeClock();
        NetHarness.Run run = NetHarness.run(10, clock, trace -> {
            NetLookup lookup = (h, o, cb) -> EventLoop.current().setImmediate(() -> {
                cb.done(null, List.of(v4("127.0.0.2"), v4("127.0.0.3")));
                // Past 1 ms, short of 10: the first attempt must not time out.
                clock.advanceMillis(5);
            });
            NetSocket c = Net.connect(new NetConnectOptions().host("example.test").port(9).lookup(lookup)
                    .autoSelectFamilyAttemptTimeout(1));
            c.on("connectionAttemptTimeout", a -> trace.add("timeout:" + a[0]));
            c.on("connectionAttemptFailed", a -> trace.add("failed:" + a[0]));
            c.on("error", a -> trace.add("error:" + ((NodeError) a[0]).code()));
        });
        assertThat(run.trace()).containsExactly("failed:127.0.0.2", "failed:127.0.0.3", "error:ECONNREFUSED");
    }
}
