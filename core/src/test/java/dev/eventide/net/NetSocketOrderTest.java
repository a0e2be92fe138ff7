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
}
