package dev.eventide.dns;

import dev.eventide.dns.DnsMessage.BadName;
import dev.eventide.dns.DnsMessage.Malformed;
import dev.eventide.dns.DnsMessage.Response;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;

/**
 * One DNS query, blocking, as c-ares runs it: UDP to each server in turn, {@code tries} rounds,
 * the timeout doubling each round (c-ares' backoff), TCP when an answer comes back truncated.
 * Runs on the virtual thread that a Resolver call starts; never on a loop thread.
 *
 * <p>A datagram with the wrong ID or question, or that does not parse, is ignored as c-ares
 * ignores it (it may be spoofed or stale) and the wait goes on; if nothing better arrives, the
 * query fails with EBADRESP rather than ETIMEOUT, so a broken server is told from a silent one.
 */
final class DnsClient {
    private static final SecureRandom IDS = new SecureRandom();
    private static final int MAX_UDP = 65535;

    private final List<InetSocketAddress> servers;
    private final int timeoutMs;
    private final int tries;

    DnsClient(List<InetSocketAddress> servers, int timeoutMs, int tries) {
        this.servers = servers;
        this.timeoutMs = timeoutMs;
        this.tries = tries;
    }

    /** The response with rcode NOERROR, or a DnsError with Node's code for {@code syscall}. */
    Response query(String name, int type, String syscall) {
        int id = IDS.nextInt(0x10000);
        byte[] q;
        try {
            q = DnsMessage.query(id, name, type);
        } catch (BadName e) {
            throw DnsError.query("EBADNAME", syscall, name);
        }
        String failure = "ETIMEOUT";
        boolean sawGarbage = false;
        boolean[] settled = new boolean[servers.size()];
        for (int round = 0; round < tries; round++) {
            long wait = Math.min((long) timeoutMs << Math.min(round, 20), Integer.MAX_VALUE);
            for (int s = 0; s < servers.size(); s++) {
                if (settled[s]) {
                    continue;
                }
                Attempt a = attempt(servers.get(s), q, id, name, type, (int) wait);
                sawGarbage |= a.garbage;
                if (a.response != null) {
                    int rcode = a.response.rcode();
                    if (rcode == 0) {
                        return a.response;
                    }
                    if (rcode == 3) {
                        throw DnsError.query("ENOTFOUND", syscall, name);
                    }
                    failure = rcodeError(rcode);
                    settled[s] = true;
                } else if (a.error != null) {
                    failure = a.error;
                    settled[s] = a.error.equals("ECONNREFUSED") || a.error.equals("EBADRESP");
                }
            }
            if (allSettled(settled)) {
                break;
            }
        }
        if (failure.equals("ETIMEOUT") && sawGarbage) {
            failure = "EBADRESP";
        }
        throw DnsError.query(failure, syscall, name);
    }

    private static boolean allSettled(boolean[] settled) {
        for (boolean b : settled) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static String rcodeError(int rcode) {
        return switch (rcode) {
            case 1 -> "EFORMERR";
            case 2 -> "ESERVFAIL";
            case 4 -> "ENOTIMP";
            case 5 -> "EREFUSED";
            default -> "EBADRESP";
        };
    }

    /** What one exchange with one server gave: a response, an error code, or neither (timeout). */
    private record Attempt(Response response, String error, boolean garbage) {}

    private Attempt attempt(InetSocketAddress server, byte[] q, int id, String name, int type, int wait) {
        boolean garbage = false;
        long deadline = System.nanoTime() + wait * 1_000_000L;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.send(new DatagramPacket(q, q.length));
            byte[] buf = new byte[MAX_UDP];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return new Attempt(null, null, garbage);
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Response r = accept(java.util.Arrays.copyOf(buf, p.getLength()), id, name, type);
                if (r == null) {
                    garbage = true;
                    continue;
                }
                if (r == BROKEN) {
                    return new Attempt(null, "EBADRESP", true);
                }
                if (r.truncated()) {
                    return overTcp(server, q, id, name, type, wait);
                }
                return new Attempt(r, null, garbage);
            }
        } catch (SocketTimeoutException e) {
            return new Attempt(null, null, garbage);
        } catch (PortUnreachableException e) {
            return new Attempt(null, "ECONNREFUSED", garbage);
        } catch (IOException e) {
            return new Attempt(null, "ECONNREFUSED", garbage);
        }
    }

    /** A reply to our question whose answers do not parse: EBADRESP at once, no more waiting. */
    private static final Response BROKEN = new Response(-1, false, -1, null, -1, List.of(), new byte[0]);

    /** A response that answers our question, BROKEN if ours but malformed, null for anything else. */
    private static Response accept(byte[] bytes, int id, String name, int type) {
        try {
            Response r = DnsMessage.parse(bytes);
            return isOurs(r, id, name, type) ? r : null;
        } catch (Malformed e) {
            try {
                // A truncated reply may end mid-record; its header is enough to retry over TCP.
                Response head = DnsMessage.parse(bytes, false);
                if (!isOurs(head, id, name, type)) {
                    return null;
                }
                return head.truncated() ? head : BROKEN;
            } catch (Malformed header) {
                return null;
            }
        }
    }

    private static boolean isOurs(Response r, int id, String name, int type) {
        return r.id() == id && r.questionName() != null && r.questionType() == type
                && DnsMessage.lower(r.questionName()).equals(DnsMessage.lower(stripDot(name)));
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** RFC 1035 4.2.2: the same query with a two-byte length prefix, over one TCP connection. */
    private Attempt overTcp(InetSocketAddress server, byte[] q, int id, String name, int type, int wait) {
        try (Socket socket = new Socket()) {
            socket.connect(server, wait);
            socket.setSoTimeout(wait);
            OutputStream out = socket.getOutputStream();
            byte[] framed = new byte[q.length + 2];
            framed[0] = (byte) (q.length >>> 8);
            framed[1] = (byte) q.length;
            System.arraycopy(q, 0, framed, 2, q.length);
            out.write(framed);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            Response r = accept(answer, id, name, type);
            return r == null || r == BROKEN ? new Attempt(null, "EBADRESP", true) : new Attempt(r, null, false);
        } catch (SocketTimeoutException e) {
            return new Attempt(null, null, false);
        } catch (java.io.EOFException e) {
            return new Attempt(null, "EBADRESP", true);
        } catch (IOException e) {
            return new Attempt(null, "ECONNREFUSED", false);
        }
    }
}
