package dev.eventide.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * Express's "trust proxy" setting compiled (proxy-addr): whether the hop at a given distance
 * from the server may be believed about the address before it. True trusts every hop, a number
 * the first n hops, a String ("loopback, 10.0.0.0/8") or List of addresses, CIDRs, netmasks
 * and the names loopback, linklocal and uniquelocal trusts those addresses, a BiPredicate of
 * (address, hop) decides itself. IP literals are parsed here, never resolved (no DNS on the
 * loop). Immutable; any thread.
 */
abstract class TrustProxy {
    static final TrustProxy NONE = of((addr, i) -> false);

    abstract boolean trusts(String address, int hop);

    static TrustProxy of(BiPredicate<String, Integer> p) {
        return new TrustProxy() {
            @Override
            boolean trusts(String address, int hop) {
                return p.test(address, hop);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static TrustProxy compile(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return NONE;
        }
        if (Boolean.TRUE.equals(value)) {
            return of((addr, i) -> true);
        }
        if (value instanceof Number n) {
            int hops = n.intValue();
            return of((addr, i) -> i < hops);
        }
        if (value instanceof BiPredicate<?, ?> p) {
            return of((BiPredicate<String, Integer>) p);
        }
        List<String> notes = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                notes.add(part.trim());
            }
        } else if (value instanceof List<?> l) {
            l.forEach(o -> notes.add(String.valueOf(o).trim()));
        } else {
            throw new IllegalArgumentException("unsupported trust proxy value: " + value);
        }
        List<byte[][]> subnets = new ArrayList<>();
        for (String note : notes) {
            switch (note) {
                case "loopback" -> List.of("127.0.0.1/8", "::1/128").forEach(x -> subnets.add(subnet(x)));
                case "linklocal" -> List.of("169.254.0.0/16", "fe80::/10").forEach(x -> subnets.add(subnet(x)));
                case "uniquelocal" -> List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
                        .forEach(x -> subnets.add(subnet(x)));
                default -> subnets.add(subnet(note));
            }
        }
        return of((addr, i) -> {
            byte[] ip = parse(addr);
            if (ip == null) {
                return false;
            }
            for (byte[][] sn : subnets) {
                if (matches(ip, sn[0], sn[1][0] & 0xff)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** [address (16 bytes), {prefix bits}], an IPv4 range as its IPv4-mapped IPv6 range. */
    private static byte[][] subnet(String note) {
        int slash = note.lastIndexOf('/');
        String addr = slash < 0 ? note : note.substring(0, slash);
        byte[] ip = parse(addr);
        if (ip == null) {
            throw new IllegalArgumentException("invalid IP address: " + addr);
        }
        boolean v4 = addr.indexOf(':') < 0 || isMapped(ip) && slash < 0;
        int max = v4 ? 32 : 128;
        int range = max;
        if (slash >= 0) {
            String r = note.substring(slash + 1);
            if (r.chars().allMatch(Character::isDigit) && !r.isEmpty() && r.length() < 4) {
                range = Integer.parseInt(r);
            } else if (v4 && parse(r) != null) {
                range = maskBits(parse(r));
            } else {
                range = -1;
            }
        }
        if (range <= 0 || range > max) {
            throw new IllegalArgumentException("invalid range on address: " + note);
        }
        return new byte[][] {ip, {(byte) (v4 ? range + 96 : range)}};
    }

    private static int maskBits(byte[] mask) {
        int bits = 0;
        for (int i = 12; i < 16; i++) {
            bits += Integer.bitCount(mask[i] & 0xff);
        }
        return bits;
    }

    private static boolean isMapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    private static boolean matches(byte[] ip, byte[] net, int bits) {
        for (int i = 0; i < 16 && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((ip[i] & mask) != (net[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 or IPv6 literal as 16 bytes (IPv4 as ::ffff:a.b.c.d), or null if it is not one. */
    static byte[] parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.indexOf(':') < 0 ? parse4(s) : parse6(s.toLowerCase(Locale.ROOT));
    }

    private static byte[] parse4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[12 + i] = (byte) v;
        }
        return out;
    }

    private static byte[] parse6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(dbl < 0 ? s : s.substring(0, dbl));
        List<Integer> tail = dbl < 0 ? List.of() : groups(s.substring(dbl + 2));
        if (head == null || tail == null) {
            return null;
        }
        int n = head.size() + tail.size();
        if (n > 8 || (dbl < 0 && n != 8) || (dbl >= 0 && n == 8)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            out[2 * i] = (byte) (head.get(i) >> 8);
            out[2 * i + 1] = (byte) (int) head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            int at = 8 - tail.size() + i;
            out[2 * at] = (byte) (tail.get(i) >> 8);
            out[2 * at + 1] = (byte) (int) tail.get(i);
        }
        return out;
    }

    /** Hex groups separated by ':', the last one possibly a dotted IPv4 (two groups). */
    private static List<Integer> groups(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] parts = s.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parse4(p);
                if (v4 == null) {
                    return null;
                }
                out.add(((v4[12] & 0xff) << 8) | (v4[13] & 0xff));
                out.add(((v4[14] & 0xff) << 8) | (v4[15] & 0xff));
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
            out.add(Integer.parseInt(p, 16));
        }
        return out;
    }
}
