package dev.eventide.diagnostics;

/**
 * Node's {@code performance.eventLoopUtilization()} result: milliseconds the loop spent waiting
 * in the poll phase ({@code idle}) and everything else ({@code active}) since the loop started,
 * or between two readings, and {@code active / (idle + active)}. Immutable.
 */
public record EventLoopUtilization(double idle, double active, double utilization) {
    /** Node's value before the loop has started (while main runs). */
    static final EventLoopUtilization ZERO = new EventLoopUtilization(0, 0, 0);

    /** The difference {@code this - earlier}, as Node's {@code eventLoopUtilization(u2, u1)}. */
    public EventLoopUtilization since(EventLoopUtilization earlier) {
        return of(idle - earlier.idle, active - earlier.active);
    }

    static EventLoopUtilization of(double idle, double active) {
        return new EventLoopUtilization(idle, active, active / (idle + active));
    }
}
