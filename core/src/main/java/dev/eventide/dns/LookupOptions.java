package dev.eventide.dns;

/**
 * The options of dns.lookup: family (0 = any, 4, 6) and order ("verbatim", Node 20's default,
 * "ipv4first" or "ipv6first"; Node's older verbatim flag maps onto it). A mutable builder, read
 * once when a lookup starts.
 */
public final class LookupOptions {
    int family;
    String order = "verbatim";

    public LookupOptions family(int family) {
        this.family = family;
        return this;
    }

    public LookupOptions order(String order) {
        this.order = order;
        return this;
    }

    /** Node's verbatim option: true is order "verbatim", false is "ipv4first". */
    public LookupOptions verbatim(boolean verbatim) {
        this.order = verbatim ? "verbatim" : "ipv4first";
        return this;
    }
}
