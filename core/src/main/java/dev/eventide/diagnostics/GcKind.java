package dev.eventide.diagnostics;

/**
 * What kind of collection a {@link GcEntry} reports (Node's {@code detail.kind}, from the JVM's
 * GC action): {@code MINOR} for young collections (G1's young and mixed pauses), {@code MAJOR}
 * for full collections, {@code CONCURRENT} for the pauses of a concurrent cycle (G1's remark
 * and cleanup, ZGC's and Shenandoah's cycles).
 */
public enum GcKind {
    MINOR, MAJOR, CONCURRENT;

    static GcKind ofAction(String action) {
        if (action.contains("minor")) {
            return MINOR;
        }
        return action.contains("major") ? MAJOR : CONCURRENT;
    }
}
