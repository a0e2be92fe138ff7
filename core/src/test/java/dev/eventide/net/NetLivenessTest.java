package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What keeps a loop alive: a listening or reading ref'd handle does, an unref'd one does not,
 * and SO_REUSEPORT lets servers on two loops (two threads) share one port.
 */
class NetLivenessTest {
    @Test
    void unrefedServerLetsTheLoopEndAfterListening() {
        String js = """
                const s = require('net').createServer();
                s.listen(0, '127.0.0.1', () => console.log('listening'));
                s.unref();
                process.on('exit', () => console.log('exit'));
                """;
        NetHarness.assertSameAsNode(js, List.of("listening", "exit"), trace -> {
            NetServer s = Net.createServer();
            s.listen(0, "127.0.0.1", () -> trace.add("listening"));
            s.unref();
            dev.eventide.process.Proc.on("exit", a -> trace.add("exit"));
        });
    }

    @Test
    void refAfterUnrefKeepsTheServerListening() {
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer s = Net.createServer(sock -> {
                trace.add("connection");
                sock.destroy();
            });
            s.unref();
            s.listen(0, "127.0.0.1", () -> {
                s.ref();
                NetSocket c = Net.connect(s.address().port(), "127.0.0.1");
                c.on("close", a -> s.close());
                c.resume();
            });
        });
        assertThat(run.trace()).containsExactly("connection");
    }

    @Test
    void unrefedIdleSocketLetsTheLoopEndAndARefedOneWaitsForThePeer() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = peer.getLocalPort();
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = peer.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    }
                } catch (Exception ignored) {
                    // The server socket was closed.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            NetHarness.Run unrefed = NetHarness.run(10, trace -> {
                NetSocket c = Net.connect(port, "127.0.0.1", () -> trace.add("connect"));
                c.unref();
                c.on("close", a -> trace.add("close"));
            });
            assertThat(unrefed.trace()).containsExactly("connect");

            long start = System.nanoTime();
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    synchronized (accepted) {
                        for (Socket s : accepted) {
                            s.close();
                        }
                    }
                } catch (Exception ignored) {
                    // Nothing to do in a test helper.
                }
            });
            NetHarness.Run refed = NetHarness.run(10, trace -> {
                NetSocket c = Net.connect(port, "127.0.0.1", () -> {
                    trace.add("connect");
                    closer.start();
                });
                c.on("end", a -> trace.add("end"));
                c.on("close", a -> trace.add("close"));
            });
            assertThat(refed.trace()).containsExactly("connect", "end", "close");
            assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    @Test
    void reusePortLetsTwoLoopsOnTwoThreadsAcceptOnOnePort() throws Exception {
        int loops = 2;
        AtomicInteger port = new AtomicInteger();
        AtomicInteger[] accepted = {new AtomicInteger(), new AtomicInteger()};
        CountDownLatch listening = new CountDownLatch(loops);
        List<AtomicReference<Runnable>> stop = List.of(new AtomicReference<>(), new AtomicReference<>());
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < loops; i++) {
            int id = i;
            Thread t = new Thread(() -> EventLoop.run(() -> {
                NetServer server = Net.createServer(sock -> {
                    accepted[id].incrementAndGet();
                    sock.end();
                });
                server.on("error", a -> failure.set((Throwable) a[0]));
                EventLoop loop = EventLoop.current();
                stop.get(id).set(() -> loop.execute(server::close));
                if (id == 0) {
                    server.listen(new NetListenOptions().port(0).host("127.0.0.1").reusePort(true), () -> {
                        port.set(server.address().port());
                        listening.countDown();
                    });
                } else {
                    server.listen(new NetListenOptions().port(port.get()).host("127.0.0.1").reusePort(true),
                            listening::countDown);
                }
            }), "reuseport-loop-" + i);
            threads.add(t);
            t.start();
            if (i == 0) {
                while (port.get() == 0 && failure.get() == null && t.isAlive()) {
                    Thread.sleep(5);
                }
            }
        }
        assertThat(listening.await(10, TimeUnit.SECONDS)).as("both loops listen").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int made = 0;
        while ((accepted[0].get() == 0 || accepted[1].get() == 0) && System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.get()), 2000);
                s.getInputStream().read();
                made++;
            }
        }
        stop.forEach(r -> r.get().run());
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).as("loop thread ended").isFalse();
        }
        assertThat(failure.get()).isNull();
        assertThat(accepted[0].get()).as("loop 0 accepted (of " + made + ")").isPositive();
        assertThat(accepted[1].get()).as("loop 1 accepted (of " + made + ")").isPositive();
    }
}
