package dev.eventide.net;

import static dev.eventide.net.NetHarness.side;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.NodeOracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event orders of sockets and servers against node's: connect/data/end/close sequences,
 * half-open, destroy with an error, server close with an open connection, reset, timeout, and
 * the close callback after the check phase. Each scenario is written twice, in JavaScript and
 * in Java; each side's sequence must be node's (and the whole trace where node's is fixed).
 */
class NetSocketOrderTest {
    private static final String CLOSE_AFTER_CHECK = """
            const net = require('net');
            const server = net.createServer((sock) => {
              console.log('server-connection');
              sock.on('close', () => {
                console.log('server-socket-close');
                server.close(() => console.log('server-closed'));
              });
              sock.destroy();
              setImmediate(() => console.log('immediate'));
              process.nextTick(() => console.log('tick'));
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1');
              c.on('error', () => {});
              c.resume();
            });
            """;

    @Test
    void socketCloseComesFromTheClosePhaseAfterTheCheckPhase() {
        List<String> expected = List.of("server-connection", "tick", "immediate", "server-socket-close",
                "server-closed");
        NetHarness.assertSameAsNode(CLOSE_AFTER_CHECK, expected, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                trace.add("server-connection");
                sock.on("close", a -> {
                    trace.add("server-socket-close");
                    server[0].close(() -> trace.add("server-closed"));
                });
                sock.destroy();
                dev.eventide.loop.Timers.setImmediate(() -> trace.add("immediate"));
                dev.eventide.process.Proc.nextTick(() -> trace.add("tick"));
            });
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server[0].address().port(), "127.0.0.1");
                c.on("error", a -> { });
                c.resume();
            });
        });
    }

    private static final String END_ECHO = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              log('s:connection');
              sock.on('data', d => log('s:data:' + d));
              sock.on('end', () => log('s:end'));
              sock.on('finish', () => log('s:finish'));
              sock.on('close', h => { log('s:close:' + h); server.close(() => log('server-close')); });
            });
            server.listen(0, '127.0.0.1', () => {
              log('listening');
              const c = net.connect(server.address().port, '127.0.0.1', () => log('c:connect-cb'));
              c.on('connect', () => log('c:connect'));
              c.on('ready', () => log('c:ready'));
              c.on('data', d => log('c:data:' + d));
              c.on('end', () => log('c:end'));
              c.on('finish', () => log('c:finish'));
              c.on('close', h => log('c:close:' + h));
              c.end('hello');
            });
            """;

    @Test
    void clientEndsAndTheServerEndsItsSideToo() {
        List<String> expected = List.of("listening", "s:connection", "c:connect-cb", "c:connect", "c:ready",
                "c:finish", "s:data:hello", "s:end", "s:finish", "s:close:false", "server-close", "c:end",
                "c:close:false");
        NodeOracle.assertNodePrints(END_ECHO, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                trace.add("s:connection");
                sock.on("data", a -> trace.add("s:data:" + a[0]));
                sock.on("end", a -> trace.add("s:end"));
                sock.on("finish", a -> trace.add("s:finish"));
                sock.on("close", a -> {
                    trace.add("s:close:" + a[0]);
                    server[0].close(() -> trace.add("server-close"));
                });
            });
            server[0].listen(0, "127.0.0.1", () -> {
                trace.add("listening");
                NetSocket c = Net.connect(server[0].address().port(), "127.0.0.1", () -> trace.add("c:connect-cb"));
                c.on("connect", a -> trace.add("c:connect"));
                c.on("ready", a -> trace.add("c:ready"));
                c.on("data", a -> trace.add("c:data:" + a[0]));
                c.on("end", a -> trace.add("c:end"));
                c.on("finish", a -> trace.add("c:finish"));
                c.on("close", a -> trace.add("c:close:" + a[0]));
                c.end("hello");
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
        assertThat(ours).containsExactlyElementsOf(expected);
    }

    private static final String HALF_OPEN = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer({ allowHalfOpen: true }, (sock) => {
              log('s:connection');
              sock.on('data', d => log('s:data:' + d));
              sock.on('end', () => { log('s:end'); sock.end('bye'); });
              sock.on('finish', () => log('s:finish'));
              sock.on('close', h => { log('s:close:' + h); server.close(() => log('server-close')); });
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
              c.on('connect', () => log('c:connect'));
              c.on('data', d => log('c:data:' + d));
              c.on('end', () => log('c:end'));
              c.on('finish', () => log('c:finish'));
              c.on('close', h => log('c:close:' + h));
              c.end('hello');
            });
            """;

    @Test
    void halfOpenServerAnswersAfterTheClientEnded() {
        List<String> expected = List.of("s:connection", "c:connect", "c:finish", "s:data:hello", "s:end",
                "s:finish", "s:close:false", "server-close", "c:data:bye", "c:end", "c:close:false");
        NodeOracle.assertNodePrints(HALF_OPEN, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(new NetServerOptions().allowHalfOpen(true), sock -> {
                trace.add("s:connection");
                sock.on("data", a -> trace.add("s:data:" + a[0]));
                sock.on("end", a -> {
                    trace.add("s:end");
                    sock.end("bye");
                });
                sock.on("finish", a -> trace.add("s:finish"));
                sock.on("close", a -> {
                    trace.add("s:close:" + a[0]);
                    server[0].close(() -> trace.add("server-close"));
                });
            });
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(new NetConnectOptions().port(server[0].address().port())
                        .host("127.0.0.1").allowHalfOpen(true));
                c.on("connect", a -> trace.add("c:connect"));
                c.on("data", a -> trace.add("c:data:" + a[0]));
                c.on("end", a -> trace.add("c:end"));
                c.on("finish", a -> trace.add("c:finish"));
                c.on("close", a -> trace.add("c:close:" + a[0]));
                c.end("hello");
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
    }

    private static final String DESTROY_WITH_ERROR = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              log('s:connection');
              sock.on('error', e => log('s:error:' + e.message));
              sock.on('close', h => { log('s:close:' + h); server.close(() => log('server-close')); });
              sock.destroy(new Error('boom'));
              log('s:destroyed:' + sock.destroyed);
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1');
              c.on('connect', () => log('c:connect'));
              c.on('data', d => log('c:data:' + d));
              c.on('end', () => log('c:end'));
              c.on('error', e => log('c:error:' + e.code));
              c.on('close', h => log('c:close:' + h));
            });
            """;

    @Test
    void destroyWithAnErrorEmitsErrorThenCloseWithHadError() {
        List<String> expected = List.of("s:connection", "s:destroyed:true", "s:error:boom", "c:connect",
                "s:close:true", "server-close", "c:end", "c:close:false");
        NodeOracle.assertNodePrints(DESTROY_WITH_ERROR, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                trace.add("s:connection");
                sock.on("error", a -> trace.add("s:error:" + ((Throwable) a[0]).getMessage()));
                sock.on("close", a -> {
                    trace.add("s:close:" + a[0]);
                    server[0].close(() -> trace.add("server-close"));
                });
                sock.destroy(new RuntimeException("boom"));
                trace.add("s:destroyed:" + sock.destroyed());
            });
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server[0].address().port(), "127.0.0.1");
                c.on("connect", a -> trace.add("c:connect"));
                c.on("data", a -> trace.add("c:data:" + a[0]));
                c.on("end", a -> trace.add("c:end"));
                c.on("error", a -> trace.add("c:error:" + ((NetError) a[0]).code()));
                c.on("close", a -> trace.add("c:close:" + a[0]));
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
        assertThat(ours).containsExactlyElementsOf(expected);
    }

    private static final String SERVER_CLOSE_WITH_OPEN_CONNECTION = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              log('s:connection');
              server.close(() => log('server-close'));
              server.getConnections((e, n) => log('s:connections:' + n));
              sock.on('data', d => { log('s:data:' + d); sock.end('bye'); });
              sock.on('close', h => log('s:close:' + h));
            });
            server.on('close', () => log('server-close-event'));
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1', () => {
                setTimeout(() => c.write('hi'), 20);
              });
              c.on('data', d => log('c:data:' + d));
              c.on('end', () => log('c:end'));
              c.on('close', h => log('c:close:' + h));
            });
            """;

    @Test
    void closedServerEmitsCloseAfterItsLastConnectionEnds() {
        List<String> expected = List.of("s:connection", "s:connections:1", "s:data:hi", "c:data:bye", "c:end",
                "c:close:false", "server-close-event", "server-close", "s:close:false");
        NodeOracle.assertNodePrints(SERVER_CLOSE_WITH_OPEN_CONNECTION, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                trace.add("s:connection");
                server[0].close(() -> trace.add("server-close"));
                server[0].getConnections((e, n) -> trace.add("s:connections:" + n));
                sock.on("data", a -> {
                    trace.add("s:data:" + a[0]);
                    sock.end("bye");
                });
                sock.on("close", a -> trace.add("s:close:" + a[0]));
            });
            server[0].on("close", a -> trace.add("server-close-event"));
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket[] c = new NetSocket[1];
                c[0] = Net.connect(server[0].address().port(), "127.0.0.1",
                        () -> dev.eventide.loop.Timers.setTimeout(() -> c[0].write("hi"), 20));
                c[0].on("data", a -> trace.add("c:data:" + a[0]));
                c[0].on("end", a -> trace.add("c:end"));
                c[0].on("close", a -> trace.add("c:close:" + a[0]));
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
        assertThat(side(ours, "server-")).containsExactly("server-close-event", "server-close");
    }

    private static final String RESET = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              log('s:connection');
              sock.on('data', () => { log('s:reset'); sock.resetAndDestroy(); });
              sock.on('close', h => { log('s:close:' + h); server.close(); });
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1', () => c.write('x'));
              c.on('error', e => log('c:error:' + e.code + ':' + e.syscall + ':' + e.errno + ':' + e.message));
              c.on('end', () => log('c:end'));
              c.on('close', h => log('c:close:' + h));
            });
            """;

    @Test
    void peerResetIsEconnresetFromRead() {
        List<String> expected = List.of("s:connection", "s:reset", "s:close:false",
                "c:error:ECONNRESET:read:-104:read ECONNRESET", "c:close:true");
        NodeOracle.assertNodePrints(RESET, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                trace.add("s:connection");
                sock.on("data", a -> {
                    trace.add("s:reset");
                    sock.resetAndDestroy();
                });
                sock.on("close", a -> {
                    trace.add("s:close:" + a[0]);
                    server[0].close();
                });
            });
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket[] c = new NetSocket[1];
                c[0] = Net.connect(server[0].address().port(), "127.0.0.1", () -> c[0].write("x"));
                c[0].on("error", a -> {
                    NetError e = (NetError) a[0];
                    trace.add("c:error:" + e.code() + ":" + e.syscall() + ":" + e.errno() + ":" + e.getMessage());
                });
                c[0].on("end", a -> trace.add("c:end"));
                c[0].on("close", a -> trace.add("c:close:" + a[0]));
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
    }

    private static final String TIMEOUT = """
            const net = require('net');
            const log = (s) => console.log(s);
            const server = net.createServer((sock) => {
              sock.on('end', () => log('s:end'));
              sock.on('close', h => { log('s:close:' + h); server.close(); });
            });
            server.listen(0, '127.0.0.1', () => {
              const c = net.connect(server.address().port, '127.0.0.1');
              c.setTimeout(50, () => { log('c:timeout-cb'); c.destroy(); });
              c.on('timeout', () => log('c:timeout'));
              c.on('end', () => log('c:end'));
              c.on('close', h => log('c:close:' + h));
            });
            """;

    @Test
    void idleSocketGetsTimeoutAndStaysOpenUntilDestroyed() {
        List<String> expected = List.of("c:timeout-cb", "c:timeout", "s:end", "s:close:false", "c:close:false");
        NodeOracle.assertNodePrints(TIMEOUT, expected);
        List<String> ours = NetHarness.run(20, trace -> {
            NetServer[] server = new NetServer[1];
            server[0] = Net.createServer(sock -> {
                sock.on("end", a -> trace.add("s:end"));
                sock.on("close", a -> {
                    trace.add("s:close:" + a[0]);
                    server[0].close();
                });
            });
            server[0].listen(0, "127.0.0.1", () -> {
                NetSocket[] c = new NetSocket[1];
                c[0] = Net.connect(server[0].address().port(), "127.0.0.1");
                c[0].setTimeout(50, () -> {
                    trace.add("c:timeout-cb");
                    c[0].destroy();
                });
                c[0].on("timeout", a -> trace.add("c:timeout"));
                c[0].on("end", a -> trace.add("c:end"));
                c[0].on("close", a -> trace.add("c:close:" + a[0]));
            });
        }).trace();
        assertThat(side(ours, "s:")).containsExactlyElementsOf(side(expected, "s:"));
        assertThat(side(ours, "c:")).containsExactlyElementsOf(side(expected, "c:"));
    }

    private static final String WRITE_AFTER_END = """
            const net = require('net');
            const log = (s) => console.log(s);
            const s = net.createServer(sock => { sock.resume(); });
            s.listen(0, '127.0.0.1', () => {
              const d = net.connect(s.address().port, '127.0.0.1', () => {
                d.end('x');
                d.write('y', err => log('write-cb:' + (err && err.code)));
              });
              d.on('error', e => log('error:' + e.code + ':' + e.message));
              d.on('close', h => { log('close:' + h); s.close(); });
            });
            """;

    @Test
    void writeAfterEndIsAnErrorThatDestroysTheSocket() {
        List<String> expected = List.of("write-cb:ERR_STREAM_WRITE_AFTER_END",
                "error:ERR_STREAM_WRITE_AFTER_END:write after end", "close:true");
        NetHarness.assertSameAsNode(WRITE_AFTER_END, expected, trace -> {
            NetServer s = Net.createServer(sock -> sock.resume());
            s.listen(0, "127.0.0.1", () -> {
                NetSocket[] d = new NetSocket[1];
                d[0] = Net.connect(s.address().port(), "127.0.0.1", () -> {
                    d[0].end("x");
                    d[0].write("y", err -> trace.add("write-cb:" + ((dev.eventide.errors.NodeError) err).code()));
                });
                d[0].on("error", a -> {
                    dev.eventide.errors.NodeError e = (dev.eventide.errors.NodeError) a[0];
                    trace.add("error:" + e.code() + ":" + e.getMessage());
                });
                d[0].on("close", a -> {
                    trace.add("close:" + a[0]);
                    s.close();
                });
            });
        });
    }
}
