package dev.eventide.stream;

/**
 * The callback a stream hands to {@code _write}, {@code _final} and {@code _destroy}, or a user
 * passes to {@code write}/{@code end}/{@code finished}/{@code pipeline}: {@code err} is null on
 * success. Called on the stream's loop thread.
 */
@FunctionalInterface
public interface StreamCallback {
    void call(Throwable err);
}
