package dev.eventide.web;

import dev.eventide.loop.EventLoop;
import dev.eventide.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The metrics middleware ({@code Web.metrics()}): counts every request that passes through it
 * and answers {@code GET /metrics} in the Prometheus text format 0.0.4 with
 *
 * <ul>
 *   <li>{@code http_requests_total{method,status}}, {@code http_requests_aborted_total{method}}
 *       (the client left before the response finished) and the
 *       {@code http_request_duration_seconds{method,status}} histogram (prom-client's default
 *       buckets), from this middleware to the response's end;
 *   <li>{@code http_requests_in_flight} and {@code http_open_connections} (connections that
 *       have sent at least one request through this middleware and are still open);
 *   <li>the runtime: see {@link RuntimeMetrics}. Its loop statistics and GC observation start
 *       when the Metrics is made on a loop thread, else at its first request.
 * </ul>
 *
 * The endpoint tells a lot about the process: mount it where only the scraper reaches it (an
 * internal port, or behind authentication).
 *
 * Labels stay bounded whatever clients send: the method is one of the standard ones or
 * "OTHER", the status is the numeric code, and a {@code route} label is added only when the
 * application supplies a function that names the route (returning null means "unmatched").
 * Scrapes are not counted. Counters are thread-safe (several loops may share one Metrics);
 * loop statistics are per loop. Handlers run on the loop thread.
 */
public final class Metrics implements Handler {
    /** prom-client's default histogram buckets, in seconds. */
    public static final double[] DEFAULT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "CONNECT", "TRACE");

    /** The middleware's settings. */
    public static final class Options {
        String path = "/metrics";
        double[] buckets = DEFAULT_BUCKETS;
        boolean collectDefaultMetrics = true;
        long eventLoopMonitoringPrecision = 10;
        Function<WebRequest, String> route;

        /** Where the metrics are served (default /metrics). */
        public Options path(String path) {
            this.path = path;
            return this;
        }

        /** Upper bounds of the duration histogram's buckets, in seconds. */
        public Options buckets(double... buckets) {
            this.buckets = buckets.clone();
            return this;
        }

        /** false: only the HTTP metrics, no process, memory, loop or GC metrics. */
        public Options collectDefaultMetrics(boolean on) {
            this.collectDefaultMetrics = on;
            return this;
        }

        /** The loop-delay sampling period in ms (prom-client's eventLoopMonitoringPrecision, 10). */
        public Options eventLoopMonitoringPrecision(long ms) {
            this.eventLoopMonitoringPrecision = ms;
            return this;
        }

        /**
         * Adds a {@code route} label named by {@code route} when the response ends (a path
         * template such as "/users/:id", never the raw path, or the label set grows without
         * bound); null means "unmatched".
         */
        public Options route(Function<WebRequest, String> route) {
            this.route = route;
            return this;
        }
    }

    private final Options options;
    private final String[] labelNames;
    private final Map<List<String>, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> aborted = new ConcurrentHashMap<>();
    private final PromHistogram durations;
    private final LongAdder inFlight = new LongAdder();
    /** Connections that sent a request through this middleware and have not closed. */
    private final Set<NetSocket> connections = ConcurrentHashMap.newKeySet();

    private Metrics(Options options) {
        this.options = options;
        this.labelNames = options.route == null ? new String[] {"method", "status"}
                : new String[] {"method", "route", "status"};
        this.durations = new PromHistogram(options.buckets, labelNames);
        if (options.collectDefaultMetrics && EventLoop.currentOrNull() != null) {
            runtime(); // made on a loop: start the delay monitor and GC observer now, not at the first request
        }
    }

    public static Metrics create() {
        return create(new Options());
    }

    public static Metrics create(Options options) {
        return new Metrics(options);
    }

    @Override
    public void handle(WebRequest req, WebResponse res, Next next) {
        RuntimeMetrics runtime = options.collectDefaultMetrics ? runtime() : null;
        if (req.path().equals(options.path) && (req.method().equals("GET") || req.method().equals("HEAD"))) {
            serve(res, runtime);
            return;
        }
        long start = System.nanoTime();
        inFlight.increment();
        track(req.raw().socket());
        boolean[] done = {false};
        res.on("finish", a -> end(req, res, start, false, done));
        res.on("close", a -> end(req, res, start, !res.raw().writableFinished(), done));
        next.call();
    }

    /** This loop's runtime collector, made on first use (it needs the loop's timer and observer). */
    private RuntimeMetrics runtime() {
        return EventLoop.current().local(this, () -> new RuntimeMetrics(options.eventLoopMonitoringPrecision));
    }

    private void track(NetSocket socket) {
        if (socket != null && connections.add(socket)) {
            socket.once("close", a -> connections.remove(socket));
        }
    }

    private void end(WebRequest req, WebResponse res, long start, boolean abort, boolean[] done) {
        if (done[0]) {
            return;
        }
        done[0] = true;
        inFlight.decrement();
        String method = METHODS.contains(req.method()) ? req.method() : "OTHER";
        String route = null;
        if (options.route != null) {
            route = options.route.apply(req);
            route = route == null ? "unmatched" : route;
        }
        if (abort) {
            aborted.computeIfAbsent(route == null ? List.of(method) : List.of(method, route), k -> new LongAdder())
                    .increment();
            return;
        }
        String status = Integer.toString(res.statusCode());
        String[] labels = route == null ? new String[] {method, status} : new String[] {method, route, status};
        requests.computeIfAbsent(List.of(labels), k -> new LongAdder()).increment();
        durations.observe((System.nanoTime() - start) / 1e9, labels);
    }

    /** Answers after one setImmediate, whose delay is nodejs_eventloop_lag_seconds (as prom-client measures it). */
    private void serve(WebResponse res, RuntimeMetrics runtime) {
        long t0 = System.nanoTime();
        EventLoop.current().setImmediate(() -> {
            String text = text(runtime, (System.nanoTime() - t0) / 1e9);
            res.status(200).set("Content-Type", CONTENT_TYPE).set("Cache-Control", "no-store");
            res.send(text);
        });
    }

    /** The exposition text now; on the loop thread, for this loop's runtime metrics. */
    public String scrape() {
        return text(options.collectDefaultMetrics ? runtime() : null, 0);
    }

    private String text(RuntimeMetrics runtime, double lagSeconds) {
        PromWriter w = new PromWriter();
        counter(w, "http_requests_total", "HTTP requests answered, by method and status code.", requests, labelNames);
        String[] abortLabels = labelNames.length == 3 ? new String[] {"method", "route"} : new String[] {"method"};
        counter(w, "http_requests_aborted_total", "HTTP requests whose connection closed before the response ended.",
                aborted, abortLabels);
        durations.write(w, "http_request_duration_seconds", "Duration of HTTP requests in seconds, until the response ended.");
        w.gauge("http_requests_in_flight", "HTTP requests being answered.", inFlight.sum());
        w.gauge("http_open_connections", "Open HTTP connections that have sent a request.", connections.size());
        if (runtime != null) {
            runtime.write(w, lagSeconds);
        }
        return w.toString();
    }

    private static void counter(PromWriter w, String name, String help, Map<List<String>, LongAdder> values,
            String[] labelNames) {
        w.family(name, "counter", help);
        List<List<String>> keys = new ArrayList<>(values.keySet());
        keys.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (List<String> key : keys) {
            String[] labels = new String[labelNames.length * 2];
            for (int i = 0; i < labelNames.length; i++) {
                labels[2 * i] = labelNames[i];
                labels[2 * i + 1] = key.get(i);
            }
            w.sample(name, values.get(key).sum(), labels);
        }
    }
}
