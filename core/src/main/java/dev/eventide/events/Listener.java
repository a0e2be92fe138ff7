package dev.eventide.events;

/**
 * An event listener: receives the arguments given to {@code emit}. It may throw; what it
 * throws leaves {@code emit} as in Node.
 */
@FunctionalInterface
public interface Listener {
    void call(Object... args) throws Exception;
}
