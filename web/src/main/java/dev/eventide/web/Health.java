package dev.eventide.web;

import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Timeout;
import dev.eventide.promise.Thenable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health endpoints for load balancers and Kubernetes probes ({@code Web.health()}):
 * {@code GET /healthz} (liveness) answers 200 {@code {"status":"ok"}} whenever the loop can
 * answer at all, and {@code GET /readyz} (readiness) answers 200 while the service is ready and
 * every check passes within its timeout, else 503 with what failed. Readiness is settable
 * ({@link #ready(boolean)}) and turns false for good when a graceful shutdown begins
 * ({@link #shutdown}, or on SIGTERM/SIGINT after {@link #gracefulShutdown}), so the balancer
 * stops sending new requests while in-flight ones complete. Handlers run on the loop thread.
 */
public final class Health implements Handler {
    /** A readiness check: returns a Boolean, or a Thenable of one; a throw or rejection fails it. */
    @FunctionalInterface
    public interface Check {
        Object run() throws Exception;
    }

    /** Paths and the check timeout. */
    public static final class Options {
        String livenessPath = "/healthz";
        String readinessPath = "/readyz";
        long checkTimeoutMs = 1000;

        public Options livenessPath(String path) {
            this.livenessPath = path;
            return this;
        }

        public Options readinessPath(String path) {
            this.readinessPath = path;
            return this;
        }

        /** How long /readyz waits for the checks before counting the slow ones as failed (1 s). */
        public Options checkTimeout(long ms) {
            this.checkTimeoutMs = ms;
            return this;
        }
    }

    private final Options options;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    /** Set by the application; readiness also needs the checks to pass. Volatile: any thread may set it. */
    private volatile boolean ready = true;
    /** True once a graceful shutdown began; readiness never comes back. */
    private volatile boolean shuttingDown;
    private volatile boolean catchesSignals;

    private Health(Options options) {
        this.options = options;
    }

    public static Health create() {
        return create(new Options());
    }

    public static Health create(Options options) {
        return new Health(options);
    }

    /** Sets readiness (for warm-up, or to drain an instance by hand); ignored once shutting down. */
    public Health ready(boolean ready) {
        this.ready = ready && !shuttingDown;
        return this;
    }

    public boolean ready() {
        return ready;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** Adds a readiness check (a database ping, a dependency...), run on each /readyz. */
    public Health check(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    @Override
    public void handle(WebRequest req, WebResponse res, Next next) {
        boolean read = req.method().equals("GET") || req.method().equals("HEAD");
        String path = req.path();
        if (read && path.equals(options.livenessPath)) {
            res.set("Cache-Control", "no-store").json(Map.of("status", "ok"));
        } else if (read && path.equals(options.readinessPath)) {
            res.set("Cache-Control", "no-store");
            readiness(res);
        } else {
            next.call();
        }
    }

    private void readiness(WebResponse res) {
        if (!ready) {
            res.status(503).json(body("unavailable", "reason", shuttingDown ? "shutting down" : "not ready"));
            return;
        }
        if (checks.isEmpty()) {
            res.json(Map.of("status", "ok"));
            return;
        }
        new CheckRun(res).start();
    }

    private static Map<String, Object> body(String status, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put(key, value);
        return m;
    }

    /** One /readyz evaluation: every check at once, answered when all are in or the timeout fires. */
    private final class CheckRun {
        private final WebResponse res;
        private final Map<String, String> results = new LinkedHashMap<>();
        private Timeout timer;
        private boolean answered;

        CheckRun(WebResponse res) {
            this.res = res;
        }

        void start() {
            timer = EventLoop.current().setTimeout(this::answer, options.checkTimeoutMs).unref();
            for (Map.Entry<String, Check> e : List.copyOf(checks.entrySet())) {
                run(e.getKey(), e.getValue());
            }
        }

        private void run(String name, Check check) {
            Object out;
            try {
                out = check.run();
            } catch (Exception e) {
                record(name, "error");
                return;
            }
            if (out instanceof Thenable<?> t) {
                t.subscribe(v -> record(name, Boolean.TRUE.equals(v) ? "ok" : "failed"), err -> record(name, "error"));
            } else {
                record(name, Boolean.TRUE.equals(out) ? "ok" : "failed");
            }
        }

        private void record(String name, String result) {
            if (answered) {
                return;
            }
            results.put(name, result);
            if (results.size() == checks.size()) {
                answer();
            }
        }

        private void answer() {
            if (answered) {
                return;
            }
            answered = true;
            timer.close();
            Map<String, String> all = new LinkedHashMap<>();
            checks.keySet().forEach(name -> all.put(name, results.getOrDefault(name, "timeout")));
            boolean ok = all.values().stream().allMatch("ok"::equals) && ready;
            res.status(ok ? 200 : 503).json(body(ok ? "ok" : "unavailable", "checks", all));
        }
    }

    // ---- graceful shutdown ----

    /**
     * Begins a graceful shutdown now, on the loop thread: readiness turns false, and after
     * {@code readinessDelay} (time for the balancer to notice) the server stops accepting,
     * answers its in-flight requests with Connection: close and closes ({@link HttpServer#shutdown});
     * then the loop exits with the exit code, unless exit(false). Idempotent.
     */
    public Health shutdown(HttpServer server, ShutdownOptions o) {
        return shutdown(server, o, o.exit, null);
    }

    /** The sequence; {@code after} runs once the server closed (the shutdown hook waits for it). */
    Health shutdown(HttpServer server, ShutdownOptions o, boolean exit, Runnable after) {
        if (shuttingDown) {
            return this;
        }
        shuttingDown = true;
        ready = false;
        EventLoop loop = EventLoop.current();
        loop.setTimeout(() -> server.shutdown(o.deadlineMs, o.quietMs, () -> {
            try {
                if (o.onClosed != null) {
                    o.onClosed.run();
                }
            } finally {
                if (after != null) {
                    after.run();
                }
            }
            if (exit) {
                loop.exit(o.exitCode);
            }
        }), o.readinessDelayMs);
        return this;
    }

    /** Whether {@link #gracefulShutdown} has installed its signal listeners. */
    public boolean catchesSignals() {
        return catchesSignals;
    }

    void catchesSignals(boolean on) {
        this.catchesSignals = on;
    }

    /**
     * Ties the shutdown to SIGTERM and SIGINT (or {@code o.signals}): the first signal begins
     * {@link #shutdown}, a second one while it runs closes every connection and exits at once
     * with code 1. The signals arrive as the process object's signal events. Call on the loop
     * thread that runs the server.
     */
    public Health gracefulShutdown(HttpServer server, ShutdownOptions o) {
        return gracefulShutdown(() -> server, o);
    }

    /** As {@link #gracefulShutdown(HttpServer, ShutdownOptions)} for the server {@code app.listen} started. */
    public Health gracefulShutdown(WebApp app, ShutdownOptions o) {
        return gracefulShutdown(app::server, o);
    }

    private Health gracefulShutdown(Supplier<HttpServer> server, ShutdownOptions o) {
        GracefulShutdown.install(this, EventLoop.current(), server, o);
        return this;
    }
}
