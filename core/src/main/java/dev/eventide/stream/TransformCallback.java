package dev.eventide.stream;

/**
 * The callback of {@code _transform} and {@code _flush}: an error, or (with a null error) an
 * optional chunk to push. Called on the stream's loop thread.
 */
@FunctionalInterface
public interface TransformCallback {
    void call(Throwable err, Object data);

    /** Success with nothing to push, as {@code callback()} in JavaScript. */
    default void done() {
        call(null, null);
    }
}
