package dev.eventide.dns;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny DNS responder for the tests, on 127.0.0.1 (UDP, and TCP on the same port), answering a
 * fixed zone chosen by the question's name, including deliberately broken answers. With
 * {@code silent}, it reads queries and never answers (the timeout case). Its threads are daemons;
 * close() stops them.
 */
final class TestDnsServer implements AutoCloseable {
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final boolean silent;
    final AtomicInteger udpQueries = new AtomicInteger();
    final AtomicInteger tcpQueries = new AtomicInteger();

    TestDnsServer(boolean silent) throws IOException {
        this.silent = silent;
        InetAddress local = InetAddress.getByName("127.0.0.1");
        ServerSocket t = null;
        DatagramSocket u = null;
        for (int attempt = 0; attempt < 20 && t == null; attempt++) {
            u = new DatagramSocket(new InetSocketAddress(local, 0));
            try {
                t = new ServerSocket(u.getLocalPort(), 50, local);
            } catch (IOException busy) {
                u.close();
            }
        }
        this.udp = u;
        this.tcp = t;
        Thread.ofPlatform().daemon().start(this::serveUdp);
        Thread.ofPlatform().daemon().start(this::serveTcp);
    }

    String address() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buf = new byte[512];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                udpQueries.incrementAndGet();
                if (silent) {
                    continue;
                }
                for (byte[] reply : answer(Arrays.copyOf(buf, p.getLength()), false)) {
                    udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                tcpQueries.incrementAndGet();
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] q = new byte[in.readUnsignedShort()];
                in.readFully(q);
                for (byte[] reply : answer(q, true)) {
                    s.getOutputStream().write(new byte[] {(byte) (reply.length >> 8), (byte) reply.length});
                    s.getOutputStream().write(reply);
                }
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The replies to one query: usually one, none to stay silent. */
    private static byte[][] answer(byte[] q, boolean overTcp) {
        int id = (q[0] & 0xff) << 8 | (q[1] & 0xff);
        int qEnd = 12;
        while (q[qEnd] != 0) {
            qEnd += (q[qEnd] & 0xff) + 1;
        }
        String name = questionName(q);
        byte[] question = Arrays.copyOfRange(q, 12, qEnd + 5);
        int type = (q[qEnd + 1] & 0xff) << 8 | (q[qEnd + 2] & 0xff);
        Reply r = new Reply(id, question);
        switch (name) {
            case "a.test" -> {
                if (type == 1) {
                    r.a("10.0.0.1").a("10.0.0.2");
                } else if (type == 28) {
                    r.record(28, new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
                }
            }
            case "alias.test" -> r.record(5, label("a.test")).a("10.0.0.1");
            case "mx.test" -> r.record(15, concat(new byte[] {0, 10}, label("mail.test")))
                    .record(15, concat(new byte[] {0, 20}, new byte[] {5, 'm', 'a', 'i', 'l', '2', (byte) 0xc0, 12}));
            case "txt.test" -> r.record(16, txt("v=spf1", "-all")).record(16, txt("second"));
            case "_sip._tcp.test" -> r.record(33, concat(new byte[] {0, 1, 0, 5, 0x13, (byte) 0xc4}, label("sip.test")));
            case "ns.test" -> r.record(2, label("ns1.test"));
            case "big.test" -> {
                for (int i = 0; i < 60; i++) {
                    r.a("10.1.0." + i);
                }
                if (!overTcp) {
                    return new byte[][] {r.truncatedTo(512)};
                }
            }
            case "nx.test" -> r.rcode(3);
            case "fail.test" -> r.rcode(2);
            case "refused.test" -> r.rcode(5);
            case "loop.test" -> r.raw(new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4}, 1)
                    .loopAt();
            case "trunc.test" -> r.raw(new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 1, 0, 40, 1, 2, 3, 4}, 1);
            case "badtxt.test" -> r.record(16, new byte[] {9, 'a', 'b'});
            case "forward.test" -> r.raw(new byte[] {(byte) 0xc0, (byte) 0xff, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4}, 1);
            case "wrongid.test" -> {
                return new byte[][] {new Reply(id ^ 0x5555, question).a("6.6.6.6").bytes(), {1, 2, 3}};
            }
            case "short.test" -> {
                return new byte[][] {{0, 1, (byte) 0x81}};
            }
            default -> { }
        }
        return new byte[][] {r.bytes()};
    }

    private static String questionName(byte[] q) {
        StringBuilder out = new StringBuilder();
        int p = 12;
        while (q[p] != 0) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(new String(q, p + 1, q[p], StandardCharsets.US_ASCII));
            p += q[p] + 1;
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    static byte[] label(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : name.split("\\.")) {
            out.write(l.length());
            out.writeBytes(l.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    private static byte[] txt(String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : strings) {
            out.write(s.length());
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A response under construction: header, the echoed question, answers named by pointer to it. */
    private static final class Reply {
        private final int id;
        private final byte[] question;
        private final ByteArrayOutputStream answers = new ByteArrayOutputStream();
        private int count;
        private int rcode;
        private boolean truncated;

        Reply(int id, byte[] question) {
            this.id = id;
            this.question = question;
        }

        Reply a(String ip) {
            byte[] b = new byte[4];
            String[] p = ip.split("\\.");
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(p[i]);
            }
            return record(1, b);
        }

        Reply record(int type, byte[] data) {
            answers.writeBytes(new byte[] {(byte) 0xc0, 12, 0, (byte) type, 0, 1, 0, 0, 0, 60,
                    (byte) (data.length >> 8), (byte) data.length});
            answers.writeBytes(data);
            count++;
            return this;
        }

        Reply raw(byte[] record, int n) {
            answers.writeBytes(record);
            count += n;
            return this;
        }

        /** Makes the question name a pointer to itself: a compression loop. */
        Reply loopAt() {
            question[0] = (byte) 0xc0;
            question[1] = 12;
            return this;
        }

        Reply rcode(int code) {
            rcode = code;
            return this;
        }

        byte[] truncatedTo(int size) {
            truncated = true;
            return Arrays.copyOf(bytes(), size);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int flags = 0x8180 | rcode | (truncated ? 0x0200 : 0);
            out.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, (byte) (flags >> 8), (byte) flags, 0, 1,
                    (byte) (count >> 8), (byte) count, 0, 0, 0, 0});
            out.writeBytes(question);
            out.writeBytes(answers.toByteArray());
            return out.toByteArray();
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
