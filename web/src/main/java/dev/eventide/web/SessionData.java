package dev.eventide.web;

import dev.eventide.promise.Promise;
import java.util.Collections;
import java.util.Map;

/**
 * One client's session, express-session's {@code req.session}: named JSON values, its id, and
 * {@link #regenerate()} / {@link #destroy()}. It is saved when the response ends if it changed
 * (or, with saveUninitialized or resave, as those options say). Values must be JSON values
 * (Maps, Lists, Strings, Numbers, Booleans, null), since stores keep JSON. Loop thread only.
 */
public final class SessionData {
    private final Session.Context context;
    private String id;
    private final Map<String, Object> data;

    SessionData(Session.Context context, String id, Map<String, Object> data) {
        this.context = context;
        this.id = id;
        this.data = data;
    }

    public String id() {
        return id;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) data.get(key);
    }

    public SessionData put(String key, Object value) {
        data.put(key, value);
        return this;
    }

    public Object remove(String key) {
        return data.remove(key);
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    /** The values, read-only. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(data);
    }

    Map<String, Object> data() {
        return data;
    }

    /**
     * Forgets this session in the store and continues as a new, empty one with a new id (call it
     * at login: an id an attacker planted before login is then worth nothing).
     */
    public Promise<Void> regenerate() {
        String old = id;
        return context.store().destroy(old).then(v -> {
            id = Session.newId();
            data.clear();
            context.startedFresh();
            return null;
        });
    }

    /** Deletes the session from the store; the request has no session afterwards and its cookie is cleared. */
    public Promise<Void> destroy() {
        context.destroyed();
        return context.store().destroy(id);
    }
}
