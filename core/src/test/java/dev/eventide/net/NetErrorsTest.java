package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.NodeOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error codes, fields and messages as Node reports them: ECONNREFUSED, EADDRINUSE, ENOENT for a
 * missing Unix socket, ENOTFOUND from the lookup, bad ports, and the server's own codes.
 */
class NetErrorsTest {
    private static final String REFUSED_AND_IN_USE = """
            const net = require('net');
            const log = (s) => console.log(s);
            const s = net.createServer();
            s.listen(0, '127.0.0.1', () => {
              const port = s.address().port;
              const s2 = net.createServer();
              s2.on('error', e => {
                log([e.code, e.errno, e.syscall, e.address, e.port === port,
                     e.message === 'listen EADDRINUSE: address already in use 127.0.0.1:' + port].join('|'));
                s.close(() => {
                  const c = net.connect(port, '127.0.0.1');
                  c.on('error', e => log([e.code, e.errno, e.syscall, e.address, e.port === port,
                       e.message === 'connect ECONNREFUSED 127.0.0.1:' + port].join('|')));
                  c.on('close', h => log('close:' + h));
                });
              });
              s2.listen(port, '127.0.0.1');
            });
            """;

    @Test
    void listenOnAUsedPortIsEaddrinuseAndConnectToAClosedPortIsEconnrefused() {
        List<String> expected = List.of("EADDRINUSE|-98|listen|127.0.0.1|true|true",
                "ECONNREFUSED|-111|connect|127.0.0.1|true|true", "close:true");
        NetHarness.assertSameAsNode(REFUSED_AND_IN_USE, expected, trace -> {
            NetServer s = Net.createServer();
            s.listen(0, "127.0.0.1", () -> {
                int port = s.address().port();
                NetServer s2 = Net.createServer();
                s2.on("error", a -> {
                    NetError e = (NetError) a[0];
                    trace.add(String.join("|", e.code(), "" + e.errno(), e.syscall(), e.address(),
                            "" + (e.port() == port),
                            "" + e.getMessage().equals("listen EADDRINUSE: address already in use 127.0.0.1:" + port)));
                    s.close(() -> {
                        NetSocket c = Net.connect(port, "127.0.0.1");
                        c.on("error", b -> {
                            NetError f = (NetError) b[0];
                            trace.add(String.join("|", f.code(), "" + f.errno(), f.syscall(), f.address(),
                                    "" + (f.port() == port),
                                    "" + f.getMessage().equals("connect ECONNREFUSED 127.0.0.1:" + port)));
                        });
                        c.on("close", b -> trace.add("close:" + b[0]));
                    });
                });
                s2.listen(port, "127.0.0.1");
            });
        });
    }

    @Test
    void connectToAMissingUnixSocketIsEnoent() throws Exception {
        Path dir = Files.createTempDirectory("eventide-net");
        String path = dir.resolve("missing.sock").toString();
        String js = "const c = require('net').connect('" + path + "');\n"
                + "c.on('error', e => console.log([e.code, e.errno, e.syscall, e.address, e.message].join('|')));\n"
                + "c.on('close', h => console.log('close:' + h));\n";
        List<String> expected = List.of("ENOENT|-2|connect|" + path + "|connect ENOENT " + path, "close:true");
        NetHarness.assertSameAsNode(js, expected, trace -> {
            NetSocket c = Net.connect(path);
            c.on("error", a -> {
                NetError e = (NetError) a[0];
                trace.add(String.join("|", e.code(), "" + e.errno(), e.syscall(), e.address(), e.getMessage()));
            });
            c.on("close", a -> trace.add("close:" + a[0]));
        });
        Files.deleteIfExists(dir);
    }

    @Test
    void unknownHostIsEnotfoundFromGetaddrinfoAfterALookupEvent() {
        String js = """
                const c = require('net').connect(80, 'nosuch.invalid');
                c.on('lookup', (err, ip, family, host) => console.log('lookup:' + err.code + ':' + host));
                c.on('error', e => console.log([e.code, e.errno, e.syscall, e.hostname, e.message].join('|')));
                c.on('close', h => console.log('close:' + h));
                """;
        List<String> expected = List.of("lookup:ENOTFOUND:nosuch.invalid",
                "ENOTFOUND|-3008|getaddrinfo|nosuch.invalid|getaddrinfo ENOTFOUND nosuch.invalid", "close:true");
        NetHarness.assertSameAsNode(js, expected, trace -> {
            NetSocket c = Net.connect(80, "nosuch.invalid");
            c.on("lookup", a -> trace.add("lookup:" + ((NetError) a[0]).code() + ":" + a[3]));
            c.on("error", a -> {
                NetError e = (NetError) a[0];
                trace.add(String.join("|", e.code(), "" + e.errno(), e.syscall(), e.hostname(), e.getMessage()));
            });
            c.on("close", a -> trace.add("close:" + a[0]));
        });
    }

    @Test
    void badPortsAreRejectedWithNodesMessages() {
        String js = """
                const net = require('net');
                try { net.connect(70000, '127.0.0.1'); } catch (e) { console.log(e.code + '|' + e.message); }
                try { net.createServer().listen(70000); } catch (e) { console.log(e.code + '|' + e.message); }
                """;
        List<String> expected = List.of(
                "ERR_SOCKET_BAD_PORT|Port should be >= 0 and < 65536. Received type number (70000).",
                "ERR_SOCKET_BAD_PORT|options.port should be >= 0 and < 65536. Received type number (70000).");
        NetHarness.assertSameAsNode(js, expected, trace -> {
            for (Runnable r : List.<Runnable>of(() -> Net.connect(70000, "127.0.0.1"),
                    () -> Net.createServer().listen(70000))) {
                try {
                    r.run();
                } catch (NodeError e) {
                    trace.add(e.code() + "|" + e.getMessage());
                }
            }
        });
    }

    @Test
    void closingAServerThatDoesNotListenGivesErrServerNotRunning() {
        String js = """
                require('net').createServer().close(e => console.log(e.code + '|' + e.message));
                """;
        NetHarness.assertSameAsNode(js, List.of("ERR_SERVER_NOT_RUNNING|Server is not running."), trace ->
                Net.createServer().close((NetServer.CloseCallback) e ->
                        trace.add(((NodeError) e).code() + "|" + e.getMessage())));
    }

    @Test
    void listeningTwiceIsErrServerAlreadyListen() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer s = Net.createServer();
            s.listen(0, "127.0.0.1");
            s.on("listening", a -> {
                assertThatThrownBy(() -> s.listen(0, "127.0.0.1")).isInstanceOf(NodeError.class)
                        .hasMessage("Listen method has been called more than once without closing.")
                        .extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_SERVER_ALREADY_LISTEN");
                trace.add("checked");
                s.close();
            });
        });
        assertThat(run.trace()).containsExactly("checked");
    }

    @Test
    void connectWithoutPortOrPathIsErrMissingArgs() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            try {
                Net.connect(new NetConnectOptions());
            } catch (NodeError e) {
                trace.add(e.code() + "|" + e.getMessage());
            }
        });
        assertThat(run.trace()).containsExactly(
                "ERR_MISSING_ARGS|The \"options\" or \"port\" or \"path\" argument must be specified");
    }

    @Test
    void nodeIsTheOracleForTheseTests() {
        // Not a behaviour: documents that the comparisons above skip cleanly without node.
        assertThat(NodeOracle.available() || NodeOracle.stdout("") == null).isTrue();
    }

    private static final String WRITE_TO_A_CLOSED_PEER = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => { sock.on('data', () => sock.destroy()); });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect({port: server.address().port, host: '127.0.0.1', allowHalfOpen: true},
                  () => c.write('x'));
              c.on('end', () => {
                log('end');
                const t = setInterval(() => c.write('more', e => {
                  if (e) { log('cb:' + e.code + ':' + e.syscall + ':' + e.message); clearInterval(t); }
                }), 5);
              });
              c.on('error', e => log('error:' + e.code + ':' + e.syscall));
              c.on('close', h => { log('close:' + h); server.close(); });
            });
            """;

    @Test
    void writingToAPeerThatClosedIsEpipeFromWrite() {
        List<String> expected = List.of("end", "cb:EPIPE:write:write EPIPE", "error:EPIPE:write", "close:true");
        NetHarness.assertSameAsNode(WRITE_TO_A_CLOSED_PEER, expected, trace -> {
            NetServer server = Net.createServer(sock -> sock.on("data", a -> sock.destroy()));
            server.listen(0, "127.0.0.1", () -> {
                NetSocket[] c = new NetSocket[1];
                c[0] = Net.connect(new NetConnectOptions().port(server.address().port()).host("127.0.0.1")
                        .allowHalfOpen(true), () -> c[0].write("x"));
                c[0].on("end", a -> {
                    trace.add("end");
                    dev.eventide.loop.Timeout[] t = new dev.eventide.loop.Timeout[1];
                    t[0] = dev.eventide.loop.Timers.setInterval(() -> c[0].write("more", e -> {
                        if (e != null) {
                            NetError ne = (NetError) e;
                            trace.add("cb:" + ne.code() + ":" + ne.syscall() + ":" + ne.getMessage());
                            dev.eventide.loop.Timers.clearInterval(t[0]);
                        }
                    }), 5);
                });
                c[0].on("error", a -> trace.add("error:" + ((NetError) a[0]).code() + ":" + ((NetError) a[0]).syscall()));
                c[0].on("close", a -> {
                    trace.add("close:" + a[0]);
                    server.close();
                });
            });
        });
    }

    private static final String WRITE_AFTER_PEER_ENDED = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => { sock.end(); });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1');
              c.on('end', () => { log('end'); setImmediate(() => {
                const r = c.write('late', e => log('cb:' + (e && e.code))); log('write:' + r); }); });
              c.on('error', e => log('error:' + e.code + ':' + e.message));
              c.on('close', h => { log('close:' + h); server.close(); });
            });
            """;

    @Test
    void writeAfterThePeerEndedTheSocketIsEpipeEndedByTheOtherParty() {
        List<String> expected = List.of("end", "write:false", "cb:EPIPE", "close:false");
        NetHarness.assertSameAsNode(WRITE_AFTER_PEER_ENDED, expected, trace -> {
            NetServer server = Net.createServer(sock -> sock.end());
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.on("end", a -> {
                    trace.add("end");
                    dev.eventide.loop.Timers.setImmediate(() -> {
                        boolean r = c.write("late", e -> trace.add("cb:" + (e == null ? null : ((NodeError) e).code())));
                        trace.add("write:" + r);
                    });
                });
                c.on("error", a -> trace.add("error:" + ((NodeError) a[0]).code()));
                c.on("close", a -> {
                    trace.add("close:" + a[0]);
                    server.close();
                });
            });
        });
    }
}
