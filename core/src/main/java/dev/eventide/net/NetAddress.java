package dev.eventide.net;

/**
 * What Node's {@code server.address()} and {@code socket.address()} return: the address, its
 * family ("IPv4" or "IPv6") and the port. For a Unix-domain socket the address is the socket's
 * path, the family is "Unix" and the port is -1 (Node returns the bare path string there).
 * Immutable.
 */
public record NetAddress(String address, String family, int port) {
    /** Whether this is a Unix-domain socket's path rather than an IP address. */
    public boolean isUnix() {
        return "Unix".equals(family);
    }

    /** Node's util.inspect form, or the path for a Unix-domain socket. */
    @Override
    public String toString() {
        if (isUnix()) {
            return address;
        }
        return "{ address: '" + address + "', family: '" + family + "', port: " + port + " }";
    }
}
