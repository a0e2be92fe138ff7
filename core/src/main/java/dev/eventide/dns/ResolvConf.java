package dev.eventide.dns;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolver settings of /etc/resolv.conf that c-ares reads: the nameserver lines and the
 * timeout option. With no nameserver, 127.0.0.1 as c-ares does. Immutable; any thread.
 */
record ResolvConf(List<InetSocketAddress> servers, Integer timeoutSeconds) {
    static ResolvConf system() {
        return read(Path.of("/etc/resolv.conf"));
    }

    static ResolvConf read(Path file) {
        List<InetSocketAddress> servers = new ArrayList<>();
        Integer timeout = null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            lines = List.of();
        }
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver") && IpAddress.family(words[1]) != 0) {
                servers.add(new InetSocketAddress(IpAddress.parse(words[1]), 53));
            } else if (words.length >= 2 && words[0].equals("options")) {
                for (String w : words) {
                    if (w.startsWith("timeout:") && w.substring(8).matches("\\d{1,4}")) {
                        timeout = Integer.parseInt(w.substring(8));
                    }
                }
            }
        }
        if (servers.isEmpty()) {
            servers.add(new InetSocketAddress(IpAddress.parse("127.0.0.1"), 53));
        }
        return new ResolvConf(List.copyOf(servers), timeout);
    }

    int timeoutMs(int fallback) {
        return timeoutSeconds == null || timeoutSeconds == 0 ? fallback : timeoutSeconds * 1000;
    }

    /** One setServers entry: "ip", "ip:port", "[ipv6]", "[ipv6]:port". */
    static InetSocketAddress server(String s) {
        if (s == null) {
            throw Errors.invalidArgType("servers[0]", "of type string", null);
        }
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw invalid(s);
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(rest.startsWith(":") ? rest.substring(1) : "x", s);
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1), s);
        }
        if (IpAddress.family(host) == 0) {
            throw invalid(s);
        }
        return new InetSocketAddress(IpAddress.parse(host), port);
    }

    private static int port(String digits, String whole) {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) > 65535) {
            throw invalid(whole);
        }
        return Integer.parseInt(digits);
    }

    private static NodeError invalid(String s) {
        return ErrorCode.ERR_INVALID_IP_ADDRESS.make(s);
    }
}
