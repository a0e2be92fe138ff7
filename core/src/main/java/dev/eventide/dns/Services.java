package dev.eventide.dns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Port to service name through /etc/services, as getnameinfo does for lookupService (TCP
 * entries; the port number itself when none matches). Stateless; runs on the pool.
 */
final class Services {
    private Services() {}

    static String name(int port, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Integer.toString(port);
        }
        String wanted = port + "/tcp";
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (words.length >= 2 && words[1].equals(wanted)) {
                return words[0];
            }
        }
        return Integer.toString(port);
    }
}
