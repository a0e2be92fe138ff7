package dev.eventide.dns;

import dev.eventide.dns.DnsMessage.Malformed;
import dev.eventide.dns.DnsMessage.Record;
import dev.eventide.dns.DnsMessage.Response;
import dev.eventide.dns.DnsRecords.MxRecord;
import dev.eventide.dns.DnsRecords.SrvRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the answer records of one type into the values Node's resolve functions return.
 * Every field is bounds-checked against its record's data length. Stateless; any thread.
 */
final class RecordData {
    private RecordData() {}

    /** Decodes every answer of {@code type}; other types (a CNAME before the A records) are skipped. */
    static List<Object> decode(Response r, int type) throws Malformed {
        List<Object> out = new ArrayList<>();
        for (Record rec : r.answers()) {
            if (rec.type() == type) {
                out.add(one(r.bytes(), rec));
            }
        }
        return out;
    }

    private static Object one(byte[] m, Record rec) throws Malformed {
        int off = rec.dataOffset();
        int len = rec.dataLength();
        return switch (rec.type()) {
            case DnsMessage.A -> {
                exact(len, 4);
                yield IpAddress.v4(m, off);
            }
            case DnsMessage.AAAA -> {
                exact(len, 16);
                yield IpAddress.v6(m, off);
            }
            case DnsMessage.CNAME, DnsMessage.NS, DnsMessage.PTR -> name(m, off, off + len);
            case DnsMessage.MX -> {
                atLeast(len, 3);
                yield new MxRecord(name(m, off + 2, off + len), DnsMessage.u16(m, off));
            }
            case DnsMessage.SRV -> {
                atLeast(len, 7);
                yield new SrvRecord(name(m, off + 6, off + len), DnsMessage.u16(m, off + 4),
                        DnsMessage.u16(m, off), DnsMessage.u16(m, off + 2));
            }
            case DnsMessage.TXT -> txt(m, off, off + len);
            default -> throw new Malformed("unexpected type");
        };
    }

    /** A name inside record data: its inline part must end within the data. */
    private static String name(byte[] m, int from, int end) throws Malformed {
        int[] pos = {from};
        String n = DnsMessage.readName(m, pos);
        if (pos[0] > end) {
            throw new Malformed("name overruns its record");
        }
        return n;
    }

    private static List<String> txt(byte[] m, int off, int end) throws Malformed {
        List<String> strings = new ArrayList<>();
        int p = off;
        while (p < end) {
            int n = m[p] & 0xff;
            if (p + 1 + n > end) {
                throw new Malformed("TXT string overruns its record");
            }
            // Node builds these with OneByteString: bytes become Latin-1 characters.
            strings.add(new String(m, p + 1, n, StandardCharsets.ISO_8859_1));
            p += 1 + n;
        }
        return strings;
    }

    private static void exact(int len, int want) throws Malformed {
        if (len != want) {
            throw new Malformed("bad record length");
        }
    }

    private static void atLeast(int len, int want) throws Malformed {
        if (len < want) {
            throw new Malformed("bad record length");
        }
    }
}
