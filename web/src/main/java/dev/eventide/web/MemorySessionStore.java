package dev.eventide.web;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;
import dev.eventide.promise.Promise;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The default {@link SessionStore}: sessions in memory, as express-session's MemoryStore, for one
 * process and one loop. Each session is kept as its JSON text (a copy, as MemoryStore does), with
 * an expiry time. Bounded: past maxSessions the least recently used session is dropped, and
 * expired sessions are swept by an unref'd interval timer (so the store never keeps the process
 * alive), besides being refused when read. Loop thread only; the clock is injected for tests.
 */
public final class MemorySessionStore implements SessionStore {
    private static final JsonCodec JSON = new JsonCodec();

    private record Stored(byte[] json, long expiresAt) {
    }

    private final int maxSessions;
    private final long sweepIntervalMillis;
    private final LongSupplier clock;
    /** In access order: the first entry is the least recently used, evicted past maxSessions. */
    private final LinkedHashMap<String, Stored> sessions;
    /** The sweeping timer, started with the first set (on the loop), or null. */
    private Timeout sweeper;

    public MemorySessionStore() {
        this(10_000, 60_000, System::currentTimeMillis);
    }

    public MemorySessionStore(int maxSessions, long sweepIntervalMillis, LongSupplier clock) {
        if (maxSessions <= 0 || sweepIntervalMillis <= 0) {
            throw new IllegalArgumentException("maxSessions and sweepIntervalMillis must be > 0");
        }
        this.maxSessions = maxSessions;
        this.sweepIntervalMillis = sweepIntervalMillis;
        this.clock = clock;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > MemorySessionStore.this.maxSessions;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Promise<Map<String, Object>> get(String id) {
        Stored e = live(id);
        if (e == null) {
            return Promise.resolve((Map<String, Object>) null);
        }
        return Promise.resolve((Map<String, Object>) JSON.read(e.json(), 0, e.json().length));
    }

    @Override
    public Promise<Void> set(String id, Map<String, Object> data, long ttlMillis) {
        startSweeper();
        sessions.put(id, new Stored(JSON.write(data), clock.getAsLong() + ttlMillis));
        return Promise.resolve();
    }

    @Override
    public Promise<Void> destroy(String id) {
        sessions.remove(id);
        return Promise.resolve();
    }

    @Override
    public Promise<Void> touch(String id, Map<String, Object> data, long ttlMillis) {
        Stored e = live(id);
        if (e != null) {
            sessions.put(id, new Stored(e.json(), clock.getAsLong() + ttlMillis));
        }
        return Promise.resolve();
    }

    /** How many sessions are held (expired ones included until swept). */
    public int size() {
        return sessions.size();
    }

    /** Drops every expired session; the timer calls it, tests may too. */
    public void sweep() {
        long now = clock.getAsLong();
        sessions.values().removeIf(e -> e.expiresAt() <= now);
    }

    /** Stops the sweeping timer and forgets every session. */
    public void close() {
        if (sweeper != null) {
            sweeper.close();
            sweeper = null;
        }
        sessions.clear();
    }

    private Stored live(String id) {
        Stored e = sessions.get(id);
        if (e != null && e.expiresAt() <= clock.getAsLong()) {
            sessions.remove(id);
            return null;
        }
        return e;
    }

    private void startSweeper() {
        if (sweeper == null && EventLoop.currentOrNull() != null) {
            sweeper = EventLoop.current().setInterval(this::sweep, sweepIntervalMillis).unref();
        }
    }
}
