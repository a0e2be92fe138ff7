package dev.eventide.events;

/**
 * One step of an {@link AsyncIterator}: JavaScript's {@code {value, done}}. Immutable.
 *
 * @param value the value, or null when done
 * @param done  true when the iteration is over
 */
public record IterResult<T>(T value, boolean done) {
    /** A step carrying {@code value}. */
    public static <T> IterResult<T> of(T value) {
        return new IterResult<>(value, false);
    }

    /** The final step. */
    public static <T> IterResult<T> end() {
        return new IterResult<>(null, true);
    }
}
