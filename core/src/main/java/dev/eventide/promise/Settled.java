package dev.eventide.promise;

/**
 * One outcome of {@link Promise#allSettled}: {@code status} is "fulfilled" (with a value) or
 * "rejected" (with a reason), as JavaScript's result objects.
 */
public record Settled<T>(String status, T value, Throwable reason) {
    public boolean isFulfilled() {
        return "fulfilled".equals(status);
    }

    static <T> Settled<T> fulfilled(T value) {
        return new Settled<>("fulfilled", value, null);
    }

    static <T> Settled<T> rejected(Throwable reason) {
        return new Settled<>("rejected", null, reason);
    }
}
