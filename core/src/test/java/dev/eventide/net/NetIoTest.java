package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.Timers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data through real sockets: backpressure with a slow reader, many concurrent echo connections,
 * Unix-domain echo, byte-by-byte input, byte counters and addresses, maxConnections.
 */
class NetIoTest {
    @Test
    void writerToASlowReaderGetsFalseThenDrainAndBufferedBytesStayBounded() {
        int chunk = 64 * 1024;
        NetHarness.Run run = NetHarness.run(30, trace -> {
            long[] received = {0};
            NetServer server = Net.createServer(new NetServerOptions().pauseOnConnect(true), sock -> {
                // The reader waits 200 ms before reading anything, then reads everything.
                Timers.setTimeout(() -> {
                    sock.on("data", a -> received[0] += ((Bytes) a[0]).length());
                    sock.resume();
                }, 200);
                sock.on("end", a -> trace.add("received:" + received[0]));
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.on("connect", a -> {
                    long sent = 0;
                    Bytes block = Bytes.alloc(chunk, 'x');
                    while (c.write(block)) {
                        sent += chunk;
                        if (sent > 256L * 1024 * 1024) {
                            trace.add("never-false");
                            break;
                        }
                    }
                    sent += chunk;
                    trace.add("write-false");
                    trace.add("bounded:" + (c.writableLength() <= c.writableHighWaterMark() + chunk));
                    long total = sent;
                    c.once("drain", b -> {
                        trace.add("drain");
                        c.end();
                        trace.add("sent:" + total);
                    });
                });
                c.on("close", a -> server.close());
            });
        });
        List<String> t = run.trace();
        assertThat(t).containsSubsequence("write-false", "bounded:true", "drain");
        assertThat(t).doesNotContain("never-false");
        String sent = t.stream().filter(s -> s.startsWith("sent:")).findFirst().orElseThrow().substring(5);
        assertThat(t).contains("received:" + sent);
    }

    @Test
    void thousandConcurrentConnectionsAllGetTheirOwnEcho() {
        int n = 1000;
        NetHarness.Run run = NetHarness.run(60, trace -> {
            NetServer server = Net.createServer(sock -> sock.pipe(sock));
            int[] ok = {0};
            int[] closed = {0};
            server.listen(0, "127.0.0.1", 1024, () -> {
                int port = server.address().port();
                for (int i = 0; i < n; i++) {
                    String msg = "hello-" + i;
                    NetSocket c = Net.connect(port, "127.0.0.1");
                    StringBuilder got = new StringBuilder();
                    c.setEncoding("utf8");
                    c.on("data", a -> got.append(a[0]));
                    c.on("error", a -> trace.add("error:" + a[0]));
                    c.on("close", a -> {
                        if (got.toString().equals(msg)) {
                            ok[0]++;
                        }
                        if (++closed[0] == n) {
                            trace.add("ok:" + ok[0]);
                            server.close();
                        }
                    });
                    c.end(msg);
                }
            });
        });
        assertThat(run.trace()).containsExactly("ok:" + n);
    }

    @Test
    void unixDomainSocketEchoes() throws Exception {
        Path dir = Files.createTempDirectory("eventide-net");
        String path = dir.resolve("echo.sock").toString();
        NetHarness.Run run = NetHarness.run(20, trace -> {
            NetServer server = Net.createServer(sock -> sock.pipe(sock));
            server.listen(path, () -> {
                trace.add("address:" + server.address());
                NetSocket c = Net.connect(path, () -> trace.add("connect"));
                c.setEncoding("utf8");
                c.on("data", a -> trace.add("data:" + a[0]));
                c.on("end", a -> trace.add("end"));
                c.on("close", a -> {
                    trace.add("close:" + a[0]);
                    server.close(() -> trace.add("server-close:" + Files.exists(Path.of(path))));
                });
                c.end("over unix");
            });
        });
        assertThat(run.trace()).containsExactly("address:" + path, "connect", "data:over unix", "end", "close:false",
                "server-close:false");
        Files.deleteIfExists(dir);
    }

    @Test
    void listeningOnAUsedUnixPathIsEaddrinuse() throws Exception {
        Path dir = Files.createTempDirectory("eventide-net");
        Path file = Files.createFile(dir.resolve("taken.sock"));
        NetHarness.Run run = NetHarness.run(10, trace -> {
            NetServer server = Net.createServer();
            server.on("error", a -> trace.add(((NetError) a[0]).getMessage()));
            server.listen(file.toString());
        });
        assertThat(run.trace()).containsExactly("listen EADDRINUSE: address already in use " + file);
        Files.delete(file);
        Files.delete(dir);
    }

    @Test
    void byteByByteInputArrivesWhole() {
        String message = "slow input, one byte at a time";
        NetHarness.Run run = NetHarness.run(30, trace -> {
            StringBuilder got = new StringBuilder();
            NetServer server = Net.createServer(sock -> {
                sock.setEncoding("latin1");
                sock.on("data", a -> got.append(a[0]));
                sock.on("end", a -> {
                    trace.add(got.toString());
                    trace.add("bytesRead:" + sock.bytesRead());
                });
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.setNoDelay(true);
                int[] i = {0};
                dev.eventide.loop.Timeout[] t = new dev.eventide.loop.Timeout[1];
                t[0] = Timers.setInterval(() -> {
                    if (i[0] < message.length()) {
                        c.write(String.valueOf(message.charAt(i[0]++)));
                    } else {
                        Timers.clearInterval(t[0]);
                        c.end();
                        trace.add("bytesWritten:" + c.bytesWritten());
                    }
                }, 1);
                c.on("close", a -> server.close());
            });
        });
        assertThat(run.trace()).containsExactlyInAnyOrder(message, "bytesRead:" + message.length(),
                "bytesWritten:" + message.length());
    }

    @Test
    void addressesAndPortsOfBothEnds() {
        NetHarness.Run run = NetHarness.run(20, trace -> {
            NetServer server = Net.createServer(sock -> {
                trace.add("s:remote:" + sock.remoteAddress() + ":" + sock.remoteFamily());
                trace.add("s:local:" + sock.localAddress() + ":" + (sock.localPort().equals(sock.server().address().port())));
                sock.end();
            });
            server.listen(0, "127.0.0.1", () -> {
                NetAddress a = server.address();
                trace.add("server:" + a.address() + ":" + a.family() + ":" + (a.port() > 0));
                NetSocket c = Net.connect(a.port(), "127.0.0.1", () -> {});
                c.on("connect", x -> trace.add("c:remote:" + c.remoteAddress() + ":" + (c.remotePort() == a.port())
                        + ":" + c.readyState()));
                c.on("close", x -> {
                    trace.add("c:closed:" + c.readyState());
                    server.close();
                });
                c.resume();
            });
        });
        assertThat(run.trace()).contains("server:127.0.0.1:IPv4:true", "s:remote:127.0.0.1:IPv4",
                "s:local:127.0.0.1:true", "c:remote:127.0.0.1:true:open", "c:closed:closed");
    }

    @Test
    void connectionsPastMaxConnectionsAreDroppedAtOnce() {
        NetHarness.Run run = NetHarness.run(20, trace -> {
            NetServer server = Net.createServer(sock -> trace.add("connection"));
            server.maxConnections(1);
            server.on("drop", a -> trace.add("drop"));
            server.listen(0, "127.0.0.1", () -> {
                int port = server.address().port();
                NetSocket first = Net.connect(port, "127.0.0.1");
                first.on("connect", a -> {
                    NetSocket second = Net.connect(port, "127.0.0.1");
                    second.on("error", b -> trace.add("second-error"));
                    second.on("end", b -> trace.add("second-end"));
                    second.on("close", b -> {
                        trace.add("second-close");
                        first.destroy();
                        server.close();
                    });
                    second.resume();
                });
            });
        });
        assertThat(run.trace()).startsWith("connection").contains("drop", "second-close")
                .containsOnlyOnce("connection");
    }

    @Test
    void isIpTellsTheFamily() {
        assertThat(Net.isIP("127.0.0.1")).isEqualTo(4);
        assertThat(Net.isIP("::1")).isEqualTo(6);
        assertThat(Net.isIP("::ffff:127.0.0.1")).isEqualTo(6);
        assertThat(Net.isIP("fe80::1%eth0")).isEqualTo(6);
        assertThat(Net.isIP("1:2:3:4:5:6:7:8")).isEqualTo(6);
        assertThat(Net.isIP("localhost")).isZero();
        assertThat(Net.isIP("256.0.0.1")).isZero();
        assertThat(Net.isIP("01.2.3.4")).isZero();
        assertThat(Net.isIP("1:2:3:4:5:6:7:8:9")).isZero();
        assertThat(Net.isIP(":::1")).isZero();
        assertThat(Net.isIPv4("10.0.0.1")).isTrue();
        assertThat(Net.isIPv6("10.0.0.1")).isFalse();
    }

    @Test
    void ipv6AddressesAreWrittenAsInetNtopWritesThem() throws Exception {
        assertThat(IpAddresses.format(java.net.InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(IpAddresses.format(java.net.InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(IpAddresses.format(java.net.InetAddress.getByName("fe80:0:0:0:1:0:0:2"))).isEqualTo("fe80::1:0:0:2");
        assertThat(IpAddresses.format(java.net.InetAddress.getByName("2001:db8:0:1:1:1:1:1")))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
    }
}
