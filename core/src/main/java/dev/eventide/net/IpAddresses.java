package dev.eventide.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * IP address text as Node writes and checks it: net.isIP, and addresses formatted as libuv's
 * inet_ntop does (RFC 5952: "::1", never "0:0:0:0:0:0:0:1"). Stateless.
 */
final class IpAddresses {
    private IpAddresses() {}

    /** Node's net.isIP: 4, 6, or 0 for anything else. */
    static int isIP(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        if (isIPv4(s)) {
            return 4;
        }
        return isIPv6(s) ? 6 : 0;
    }

    static boolean isIPv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIPv6(String s) {
        String addr = s;
        int zone = addr.indexOf('%');
        if (zone >= 0) {
            if (zone == addr.length() - 1) {
                return false;
            }
            addr = addr.substring(0, zone);
        }
        int dbl = addr.indexOf("::");
        if (dbl >= 0 && addr.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = addr.split(":", -1);
        int words = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                if (!isIPv4(g)) {
                    return false;
                }
                words += 2;
            } else if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            } else {
                words++;
            }
        }
        if (dbl >= 0) {
            return words < 8 && !addr.startsWith(":::") && validEdges(addr, dbl);
        }
        return words == 8 && !addr.startsWith(":") && !addr.endsWith(":");
    }

    private static boolean validEdges(String addr, int dbl) {
        boolean leadingOk = dbl == 0 || !addr.startsWith(":");
        boolean trailingOk = dbl + 2 == addr.length() || !addr.endsWith(":");
        return leadingOk && trailingOk;
    }

    /** Node's family name for an address. */
    static String family(InetAddress a) {
        return a instanceof Inet4Address ? "IPv4" : "IPv6";
    }

    /**
     * The address as Node shows it. {@code mapped} turns an IPv4 peer of a dual-stack IPv6
     * socket into "::ffff:1.2.3.4", as the kernel reports it to libuv (Java unmaps it).
     */
    static NetAddress describe(SocketAddress sa, boolean mapped) {
        if (sa instanceof UnixDomainSocketAddress u) {
            return new NetAddress(u.getPath().toString(), "Unix", -1);
        }
        if (sa instanceof InetSocketAddress isa && isa.getAddress() != null) {
            InetAddress a = isa.getAddress();
            if (mapped && a instanceof Inet4Address) {
                return new NetAddress("::ffff:" + a.getHostAddress(), "IPv6", isa.getPort());
            }
            return new NetAddress(format(a), family(a), isa.getPort());
        }
        return null;
    }

    /** inet_ntop's text: dotted quad, or RFC 5952 compressed IPv6 without the zone. */
    static String format(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
            // IPv4-compatible and IPv4-mapped addresses end in a dotted quad, as inet_ntop writes them.
            String prefix = bestLen == 5 ? "::ffff:" : "::";
            return prefix + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }
}
