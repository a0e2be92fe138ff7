package dev.eventide.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DNS messages (RFC 1035 section 4): a query's bytes, and a response parsed into its header
 * flags and answer records. Stateless; any thread.
 *
 * <p>Responses come from the network, so every read is bounds-checked and names are decoded
 * with limits: at most 255 bytes, and at most 64 compression jumps, each of which must point
 * backwards (so a pointer loop ends at once). Anything malformed is a {@link Malformed}, which
 * the client reports as EBADRESP.
 * <pre>
 *   header: id(2) flags(2) qdcount(2) ancount(2) nscount(2) arcount(2)
 *   flags:  QR opcode(4) AA TC RD | RA Z(3) rcode(4)
 * </pre>
 */
final class DnsMessage {
    static final int A = 1;
    static final int NS = 2;
    static final int CNAME = 5;
    static final int PTR = 12;
    static final int MX = 15;
    static final int TXT = 16;
    static final int AAAA = 28;
    static final int SRV = 33;

    private static final int MAX_JUMPS = 64;
    private static final int MAX_NAME = 255;

    private DnsMessage() {}

    /** A response that breaks the format. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why, null, false, false);
        }
    }

    /** A name that cannot be put in a query (an empty label, a label over 63 bytes, over 253 in all). */
    static final class BadName extends Exception {
        private static final long serialVersionUID = 1L;

        BadName() {
            super(null, null, false, false);
        }
    }

    /** One resource record: its owner name, type, class, TTL and where its data lies in the message. */
    record Record(String name, int type, int ttl, int dataOffset, int dataLength) {}

    /** A parsed response: the header bits that matter and the answer section. */
    record Response(int id, boolean truncated, int rcode, String questionName, int questionType, List<Record> answers,
            byte[] bytes) {}

    static byte[] query(int id, String name, int type) throws BadName {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + name.length());
        writeShort(out, id);
        writeShort(out, 0x0100); // standard query, recursion desired
        writeShort(out, 1);
        writeShort(out, 0);
        writeShort(out, 0);
        writeShort(out, 0);
        writeName(out, name);
        writeShort(out, type);
        writeShort(out, 1); // class IN
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) throws BadName {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.length() > 253) {
            throw new BadName();
        }
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] b = label.getBytes(StandardCharsets.UTF_8);
                if (b.length == 0 || b.length > 63) {
                    throw new BadName();
                }
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static Response parse(byte[] m) throws Malformed {
        return parse(m, true);
    }

    /** With {@code answers} false, only the header and question are read (to tell whose a broken reply is). */
    static Response parse(byte[] m, boolean answers) throws Malformed {
        if (m.length < 12) {
            throw new Malformed("short header");
        }
        int id = u16(m, 0);
        int flags = u16(m, 2);
        if ((flags & 0x8000) == 0) {
            throw new Malformed("not a response");
        }
        int qd = u16(m, 4);
        int an = answers ? u16(m, 6) : 0;
        int[] pos = {12};
        String qName = null;
        int qType = -1;
        for (int i = 0; i < qd; i++) {
            String n = readName(m, pos);
            need(m, pos[0], 4);
            if (i == 0) {
                qName = n;
                qType = u16(m, pos[0]);
            }
            pos[0] += 4;
        }
        List<Record> records = new ArrayList<>(Math.min(an, 64));
        for (int i = 0; i < an; i++) {
            String n = readName(m, pos);
            need(m, pos[0], 10);
            int type = u16(m, pos[0]);
            int ttl = (int) u32(m, pos[0] + 4);
            int len = u16(m, pos[0] + 8);
            pos[0] += 10;
            need(m, pos[0], len);
            records.add(new Record(n, type, ttl, pos[0], len));
            pos[0] += len;
        }
        return new Response(id, (flags & 0x0200) != 0, flags & 0xf, qName, qType, records, m);
    }

    /** Reads a possibly compressed name at pos[0] and moves pos[0] past it (not past its pointer target). */
    static String readName(byte[] m, int[] pos) throws Malformed {
        StringBuilder name = new StringBuilder();
        int p = pos[0];
        int end = -1;
        int jumps = 0;
        int total = 0;
        while (true) {
            need(m, p, 1);
            int len = m[p] & 0xff;
            if (len == 0) {
                p++;
                break;
            }
            if ((len & 0xc0) == 0xc0) {
                need(m, p, 2);
                int target = ((len & 0x3f) << 8) | (m[p + 1] & 0xff);
                if (++jumps > MAX_JUMPS || target >= p) {
                    throw new Malformed("bad compression pointer");
                }
                if (end < 0) {
                    end = p + 2;
                }
                p = target;
                continue;
            }
            if ((len & 0xc0) != 0) {
                throw new Malformed("reserved label type");
            }
            need(m, p + 1, len);
            total += len + 1;
            if (total > MAX_NAME) {
                throw new Malformed("name too long");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(m, p + 1, len, StandardCharsets.ISO_8859_1));
            p += 1 + len;
        }
        pos[0] = end >= 0 ? end : p;
        return name.toString();
    }

    static int u16(byte[] m, int i) {
        return (m[i] & 0xff) << 8 | (m[i + 1] & 0xff);
    }

    static long u32(byte[] m, int i) {
        return (long) u16(m, i) << 16 | u16(m, i + 2);
    }

    static void need(byte[] m, int at, int n) throws Malformed {
        if (at < 0 || n < 0 || at + n > m.length) {
            throw new Malformed("truncated");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
