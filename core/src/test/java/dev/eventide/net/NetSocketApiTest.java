package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.NodeError;
import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import java.net.StandardSocketOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rest of the socket API: writes before 'connect', destroy before the connection exists,
 * destroySoon, socket options, byte counters, lookups of a host name, readyState, pending.
 */
class NetSocketApiTest {
    private static final String WRITE_BEFORE_CONNECT = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              sock.setEncoding('utf8');
              let got = '';
              sock.on('data', d => got += d);
              sock.on('end', () => { log('s:' + got); server.close(); });
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1');
              log('pending:' + c.pending + ':' + c.readyState);
              log('w1:' + c.write('a'));
              log('w2:' + c.write('b'));
              log('bytesWritten:' + c.bytesWritten);
              c.end('c', () => log('end-cb:' + c.bytesWritten));
              c.on('connect', () => log('connect:' + c.pending + ':' + c.readyState));
            });
            """;

    @Test
    void writesBeforeConnectWaitAndAreCounted() {
        List<String> expected = List.of("pending:true:opening", "w1:true", "w2:true", "bytesWritten:2",
                "connect:false:readOnly", "end-cb:3", "s:abc");
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer server = Net.createServer();
            server.on("connection", x -> {
                NetSocket sock = (NetSocket) x[0];
                sock.setEncoding("utf8");
                StringBuilder got = new StringBuilder();
                sock.on("data", a -> got.append(a[0]));
                sock.on("end", a -> {
                    trace.add("s:" + got);
                    server.close();
                });
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                trace.add("pending:" + c.pending() + ":" + c.readyState());
                trace.add("w1:" + c.write("a"));
                trace.add("w2:" + c.write("b"));
                trace.add("bytesWritten:" + c.bytesWritten());
                c.end("c", err -> trace.add("end-cb:" + c.bytesWritten()));
                c.on("connect", a -> trace.add("connect:" + c.pending() + ":" + c.readyState()));
            });
        }).trace();
        dev.eventide.loop.NodeOracle.assertNodePrints(WRITE_BEFORE_CONNECT, expected);
        assertThat(ours).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(NetHarness.side(ours, "w")).containsExactly("w1:true", "w2:true");
        assertThat(ours.subList(0, 4)).containsExactlyElementsOf(expected.subList(0, 4));
    }

    @Test
    void destroyBeforeTheConnectionFailsTheWaitingWrite() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetSocket c = Net.connect(9, "127.0.0.1");
            c.write("x", err -> trace.add("write-cb:" + ((NodeError) err).code()));
            c.on("close", a -> trace.add("close:" + a[0]));
            c.destroy();
        });
        assertThat(run.trace()).containsExactly("write-cb:ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "close:false");
    }

    @Test
    void destroySoonEndsFirstThenDestroys() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer server = Net.createServer();
            server.on("connection", x -> {
                NetSocket sock = (NetSocket) x[0];
                sock.setEncoding("utf8");
                sock.on("data", a -> trace.add("s:data:" + a[0]));
                sock.on("end", a -> trace.add("s:end"));
                sock.on("close", a -> server.close());
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.write("last words");
                c.destroySoon();
                c.on("finish", a -> trace.add("c:finish"));
                c.on("close", a -> trace.add("c:close:" + a[0] + ":" + c.destroyed()));
            });
        });
        assertThat(run.trace()).containsSubsequence("c:finish", "c:close:false:true");
        assertThat(run.trace()).containsSubsequence("s:data:last words", "s:end");
    }

    @Test
    void noDelayAndKeepAliveReachTheSocket() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer server = Net.createServer(new NetServerOptions().noDelay(true).keepAlive(true), sock -> {
                trace.add("s:nodelay:" + sock.handle.channel.getOption(StandardSocketOptions.TCP_NODELAY));
                trace.add("s:keepalive:" + sock.handle.channel.getOption(StandardSocketOptions.SO_KEEPALIVE));
                sock.end();
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.setNoDelay(true).setKeepAlive(true, 30_000);
                c.on("connect", a -> {
                    trace.add("c:nodelay:" + c.handle.channel.getOption(StandardSocketOptions.TCP_NODELAY));
                    trace.add("c:keepalive:" + c.handle.channel.getOption(StandardSocketOptions.SO_KEEPALIVE));
                    c.setNoDelay(false);
                    trace.add("c:nodelay-off:" + c.handle.channel.getOption(StandardSocketOptions.TCP_NODELAY));
                });
                c.resume();
                c.on("close", a -> server.close());
            });
        });
        assertThat(run.trace()).containsExactlyInAnyOrder("s:nodelay:true", "s:keepalive:true", "c:nodelay:true",
                "c:keepalive:true", "c:nodelay-off:false");
    }

    @Test
    void hostNamesAreLookedUpWithALookupEvent() {
        String js = """
                const net = require('net');
                const s = net.createServer(c => c.end()).listen(0, '127.0.0.1', () => {
                  const c = net.connect(s.address().port, 'localhost');
                  c.on('lookup', (err, ip, family, host) => console.log(['lookup', err, ip, family, host].join('|')));
                  c.on('connect', () => console.log('connect:' + c.remoteAddress));
                  c.on('close', () => s.close());
                });
                """;
        List<String> expected = List.of("lookup||127.0.0.1|4|localhost", "connect:127.0.0.1");
        // Where localhost resolves to ::1 first, node tries it, and so do we; the trace then differs.
        NetHarness.assertSameAsNode(js, expected, trace -> {
            NetServer s = Net.createServer(c -> c.end());
            s.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(s.address().port(), "localhost");
                c.on("lookup", a -> trace.add(String.join("|", "lookup", a[0] == null ? "" : a[0].toString(),
                        String.valueOf(a[1]), String.valueOf(a[2]), String.valueOf(a[3]))));
                c.on("connect", a -> trace.add("connect:" + c.remoteAddress()));
                c.on("close", a -> s.close());
            });
        });
    }

    @Test
    void connectTimeoutOptionSetsTheSocketTimeout() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer server = Net.createServer();
            server.on("connection", x -> ((NetSocket) x[0]).on("close", a -> server.close()));
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(new NetConnectOptions().port(server.address().port()).host("127.0.0.1")
                        .timeout(30));
                trace.add("timeout:" + c.timeout());
                c.on("timeout", a -> {
                    trace.add("timeout-event");
                    c.destroy();
                });
            });
        });
        assertThat(run.trace()).containsExactly("timeout:30", "timeout-event");
    }

    @Test
    void droppedConnectionsAreDescribed() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer server = Net.createServer(sock -> trace.add("connection"));
            server.maxConnections(0);
            server.on("drop", a -> {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> info = (java.util.Map<String, Object>) a[0];
                trace.add("drop:" + info.get("localAddress") + ":" + info.get("remoteFamily"));
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.on("error", a -> { });
                c.on("close", a -> server.close());
                c.resume();
            });
        });
        assertThat(run.trace()).containsExactly("drop:127.0.0.1:IPv4");
    }

    private static final String SIGNAL = """
            // net.connect({signal}): aborted before connect() (the socket is destroyed in a nextTick) and
            // after 'connect', and a signal aborted after the socket closed; NetSocketTest mirrors it.
            const net = require('net');
            const show = (tag, e) => console.log(tag + ':' + e.name + ':' + e.code + ':' + (e.cause ? e.cause.message : 'none'));
            const accepted = [];
            const server = net.createServer((s) => { accepted.push(s); s.on('error', () => {}); });
            server.listen(0, '127.0.0.1', () => {
              const port = server.address().port;
              const s1 = net.connect({ port, host: '127.0.0.1', signal: AbortSignal.abort(new Error('pre')) });
              console.log('s1-destroyed:' + s1.destroyed);
              s1.on('error', (e) => show('s1-error', e));
              s1.on('close', () => {
                console.log('s1-close');
                const c = new AbortController();
                const s2 = net.connect({ port, host: '127.0.0.1', signal: c.signal });
                s2.on('connect', () => { console.log('s2-connect'); c.abort(new Error('mid')); console.log('s2-destroyed:' + s2.destroyed); });
                s2.on('error', (e) => show('s2-error', e));
                s2.on('close', (hadError) => {
                  console.log('s2-close:' + hadError);
                  const c3 = new AbortController();
                  const s3 = net.connect({ port, host: '127.0.0.1', signal: c3.signal });
                  s3.on('connect', () => { s3.end(); });
                  s3.on('close', () => {
                    c3.abort();
                    console.log('s3-close:' + s3.errored);
                    setTimeout(() => { accepted.forEach((s) => s.destroy()); server.close(); }, 20);
                  });
                });
              });
            });
            """;

    private static String abortLine(String tag, Object e) {
        AbortError a = (AbortError) e;
        return tag + ":" + a.name() + ":" + a.code() + ":" + (a.getCause() == null ? "none" : a.getCause().getMessage());
    }

    @Test
    void theSignalOptionDestroysTheSocketWithAnAbortErrorAsNodeDoes() {
        List<String> expected = List.of("s1-destroyed:false", "s1-error:AbortError:ABORT_ERR:pre", "s1-close",
                "s2-connect", "s2-destroyed:true", "s2-error:AbortError:ABORT_ERR:mid", "s2-close:true",
                "s3-close:null");
        NetHarness.assertSameAsNode(SIGNAL, expected, trace -> {
            List<NetSocket> accepted = new java.util.ArrayList<>();
            NetServer server = Net.createServer(s -> {
                accepted.add(s);
                s.on("error", a -> { });
            });
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                NetSocket s1 = Net.connect(new NetConnectOptions().port(port).host("127.0.0.1")
                        .signal(AbortSignal.abort(new RuntimeException("pre"))));
                trace.add("s1-destroyed:" + s1.destroyed());
                s1.on("error", a -> trace.add(abortLine("s1-error", a[0])));
                s1.on("close", a -> {
                    trace.add("s1-close");
                    duringConnection(trace, port, () -> {
                        accepted.forEach(NetSocket::destroy);
                        server.close();
                    });
                });
            });
        });
    }

    private static void duringConnection(List<String> trace, int port, Runnable stop) {
        AbortController c = new AbortController();
        NetSocket s2 = Net.connect(new NetConnectOptions().port(port).host("127.0.0.1").signal(c.signal()));
        s2.on("connect", a -> {
            trace.add("s2-connect");
            c.abort(new RuntimeException("mid"));
            trace.add("s2-destroyed:" + s2.destroyed());
        });
        s2.on("error", a -> trace.add(abortLine("s2-error", a[0])));
        s2.on("close", a -> {
            trace.add("s2-close:" + a[0]);
            AbortController c3 = new AbortController();
            NetSocket s3 = Net.connect(new NetConnectOptions().port(port).host("127.0.0.1").signal(c3.signal()));
            s3.on("connect", x -> s3.end());
            s3.on("close", x -> {
                c3.abort();
                trace.add("s3-close:" + s3.errored());
                dev.eventide.loop.Timers.setTimeout(stop::run, 20);
            });
        });
    }
}
