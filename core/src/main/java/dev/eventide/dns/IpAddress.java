package dev.eventide.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP literal checks (Node's net.isIP rules) and text forms, without ever touching a resolver:
 * only a string that passed {@link #family} is handed to InetAddress. Stateless; any thread.
 */
final class IpAddress {
    private IpAddress() {}

    /** 4, 6, or 0 when {@code s} is not an IP literal. */
    static int family(String s) {
        if (s == null) {
            return 0;
        }
        if (isV4(s)) {
            return 4;
        }
        return isV6(s) ? 6 : 0;
    }

    static boolean isV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isV6(String s) {
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
        int groups = 0;
        String[] halves = dbl >= 0 ? new String[] {addr.substring(0, dbl), addr.substring(dbl + 2)} : new String[] {addr};
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isV4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (parts[i].isEmpty() || parts[i].length() > 4
                        || !parts[i].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return dbl >= 0 ? groups <= 7 : groups == 8;
    }

    /** The InetAddress of a literal that {@link #family} accepted. */
    static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** inet_ntop's text for 16 address bytes: the longest run of two or more zero groups becomes "::". */
    static String v6(byte[] a, int off) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[off + 2 * i] & 0xff) << 8 | (a[off + 2 * i + 1] & 0xff);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + v4(a, off + 12);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    static String v4(byte[] a, int off) {
        return (a[off] & 0xff) + "." + (a[off + 1] & 0xff) + "." + (a[off + 2] & 0xff) + "." + (a[off + 3] & 0xff);
    }
}
