package dev.eventide.events;

/** Rethrows a checked exception from code that declares none, as JavaScript can. */
final class Sneaky {
    private Sneaky() {}

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
