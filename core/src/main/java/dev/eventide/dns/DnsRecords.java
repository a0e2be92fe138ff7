package dev.eventide.dns;

/** The record shapes that Node's resolve functions return. Immutable values. */
public final class DnsRecords {
    private DnsRecords() {}

    /** One address from lookup: Node's { address, family }. */
    public record LookupAddress(String address, int family) {}

    /** lookupService's { hostname, service }. */
    public record NameService(String hostname, String service) {}

    /** resolveMx: { exchange, priority }. */
    public record MxRecord(String exchange, int priority) {}

    /** resolveSrv: { name, port, priority, weight }. */
    public record SrvRecord(String name, int port, int priority, int weight) {}
}
