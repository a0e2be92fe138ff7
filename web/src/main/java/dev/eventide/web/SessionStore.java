package dev.eventide.web;

import dev.eventide.promise.Promise;
import java.util.Map;

/**
 * Where {@link Session} keeps session data between requests, express-session's Store with
 * Promises instead of callbacks, so a networked store (Redis) can answer later. Data is a Map of
 * JSON values; a store keeps its own copy (what the handler changes after {@code set} is not
 * stored until the next {@code set}). Methods are called on the loop thread and their promises
 * settle there.
 */
public interface SessionStore {
    /** The session's data, or null when the id is unknown or the session expired. */
    Promise<Map<String, Object>> get(String id);

    /** Stores the data, to expire ttlMillis from now. */
    Promise<Void> set(String id, Map<String, Object> data, long ttlMillis);

    /** Forgets the session (nothing happens for an unknown id). */
    Promise<Void> destroy(String id);

    /** Pushes an unchanged session's expiry to ttlMillis from now (express-session's touch). */
    Promise<Void> touch(String id, Map<String, Object> data, long ttlMillis);
}
