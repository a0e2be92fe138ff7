package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The metrics middleware scraped over HTTP with Java's HttpClient after known requests, and the
 * text checked by the strict PrometheusText parser: request counts by method and status, the
 * duration histogram, in-flight and connection gauges, and the runtime families by their
 * prom-client names.
 */
class MetricsTest {

    private static WebApp app(Metrics metrics) {
        WebApp app = Web.app();
        app.use(metrics);
        app.get("/ok", (req, res, next) -> res.send("ok"));
        app.post("/items", (req, res, next) -> res.status(201).send("made"));
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("boom"); });
        return app;
    }

    private static PrometheusText scrape(TestServer s) {
        var r = s.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains(Metrics.CONTENT_TYPE);
        return PrometheusText.parse(r.body());
    }

    @Test
    void requestsAreCountedByMethodAndStatusAndTheScrapeParsesStrictly() {
        try (TestServer s = TestServer.start(app(Metrics.create()))) {
            for (int i = 0; i < 3; i++) {
                s.get("/ok");
            }
            s.send(s.request("/items").POST(HttpRequest.BodyPublishers.ofString("x")).build());
            s.get("/missing");
            s.get("/boom");
            s.send(s.request("/ok").method("PURGE", HttpRequest.BodyPublishers.noBody()).build());
            PrometheusText p = scrape(s);
            assertThat(p.family("http_requests_total").type).isEqualTo("counter");
            assertThat(p.value("http_requests_total", "method", "GET", "status", "200")).isEqualTo(3.0);
            assertThat(p.value("http_requests_total", "method", "POST", "status", "201")).isEqualTo(1.0);
            assertThat(p.value("http_requests_total", "method", "GET", "status", "404")).isEqualTo(1.0);
            assertThat(p.value("http_requests_total", "method", "GET", "status", "500")).isEqualTo(1.0);
            // An unknown method does not become a label value of its own.
            assertThat(p.value("http_requests_total", "method", "OTHER", "status", "404")).isEqualTo(1.0);
            assertThat(p.family("http_requests_total").samples).hasSize(5);
            assertThat(p.value("http_request_duration_seconds_count", "method", "GET", "status", "200")).isEqualTo(3.0);
            assertThat(p.value("http_request_duration_seconds_bucket", "method", "GET", "status", "200", "le", "10"))
                    .isEqualTo(3.0);
            assertThat(p.value("http_request_duration_seconds_sum", "method", "GET", "status", "200")).isPositive();
            assertThat(p.value("http_requests_in_flight")).isEqualTo(0.0);
            assertThat(p.value("http_open_connections")).isGreaterThanOrEqualTo(1.0);

            // The scrape itself is not counted; a second scrape still parses and shows the same counts.
            PrometheusText again = scrape(s);
            assertThat(again.value("http_requests_total", "method", "GET", "status", "200")).isEqualTo(3.0);
        }
    }

    @Test
    void theRuntimeFamiliesCarryPromClientsNamesAndSaneValues() throws Exception {
        try (TestServer s = TestServer.start(app(Metrics.create(new Metrics.Options().eventLoopMonitoringPrecision(1))))) {
            s.get("/ok");
            // Block the loop for 30 ms once the 1 ms delay monitor has been sampling for a while
            // (its first tick only starts the clock), then let it take a few more samples.
            CountDownLatch blocked = new CountDownLatch(1);
            s.onLoop(() -> EventLoop.current().setTimeout(() -> {
                long end = System.nanoTime() + 30_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                EventLoop.current().setTimeout(blocked::countDown, 5);
            }, 20));
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
            PrometheusText p = scrape(s);
            assertThat(p.value("process_resident_memory_bytes")).isGreaterThan(1e6);
            assertThat(p.value("nodejs_heap_size_used_bytes")).isPositive();
            assertThat(p.value("nodejs_heap_size_total_bytes")).isGreaterThanOrEqualTo(p.value("nodejs_heap_size_used_bytes"));
            assertThat(p.value("nodejs_heap_space_size_used_bytes", "space", "old_space")).isNotNull();
            assertThat(p.value("process_start_time_seconds")).isGreaterThan(1.6e9);
            assertThat(p.value("process_cpu_seconds_total")).isPositive();
            assertThat(p.value("nodejs_eventloop_lag_seconds")).isBetween(0.0, 5.0);
            // The 30 ms block shows in the delay histogram's maximum.
            assertThat(p.value("nodejs_eventloop_lag_max_seconds")).isGreaterThan(0.025);
            assertThat(p.value("nodejs_eventloop_lag_p99_seconds")).isPositive();
            assertThat(p.value("eventide_eventloop_utilization_ratio")).isBetween(0.0, 1.0);
            assertThat(p.family("nodejs_gc_duration_seconds").type).isEqualTo("histogram");
            for (String gauge : List.of("nodejs_eventloop_lag_min_seconds", "nodejs_eventloop_lag_mean_seconds",
                    "nodejs_eventloop_lag_stddev_seconds", "nodejs_eventloop_lag_p50_seconds",
                    "nodejs_eventloop_lag_p90_seconds", "nodejs_external_memory_bytes")) {
                assertThat(p.family(gauge).type).as(gauge).isEqualTo("gauge");
            }
        }
    }

    @Test
    void aFullCollectionShowsInTheGcHistogramByKind() throws Exception {
        try (TestServer s = TestServer.start(app(Metrics.create()))) {
            s.get("/ok"); // the observer is running from here on
            System.gc(); // G1 (the default) answers with a full, major collection
            Double major = null;
            for (int i = 0; i < 250 && major == null; i++) { // the JVM's notification comes a moment later
                major = scrape(s).value("nodejs_gc_duration_seconds_count", "kind", "major");
                if (major == null) {
                    Thread.sleep(20);
                }
            }
            assertThat(major).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void aRouteLabelComesOnlyFromTheApplicationsFunction() {
        Metrics metrics = Metrics.create(new Metrics.Options().collectDefaultMetrics(false).path("/internal/metrics")
                .route(req -> req.attr("route")));
        WebApp app = Web.app();
        app.use(metrics);
        app.get("/users/:id", (req, res, next) -> { req.attr("route", "/users/:id"); res.send("u"); });
        try (TestServer s = TestServer.start(app)) {
            s.get("/users/1");
            s.get("/users/2");
            s.get("/nowhere");
            assertThat(s.get("/metrics").statusCode()).isEqualTo(404); // served elsewhere: an unmatched request
            PrometheusText p = PrometheusText.parse(s.get("/internal/metrics").body());
            assertThat(p.value("http_requests_total", "method", "GET", "route", "/users/:id", "status", "200")).isEqualTo(2.0);
            assertThat(p.value("http_requests_total", "method", "GET", "route", "unmatched", "status", "404")).isEqualTo(2.0);
            assertThat(p.family("process_resident_memory_bytes")).isNull();
        }
    }

    @Test
    void aRequestStillRunningIsInFlightAndOneWhoseClientLeftCountsAsAborted() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        Metrics metrics = Metrics.create(new Metrics.Options().collectDefaultMetrics(false));
        WebApp app = app(metrics);
        app.get("/hang", (req, res, next) -> arrived.countDown());
        try (TestServer s = TestServer.start(app)) {
            try (var socket = new java.net.Socket("127.0.0.1", s.port())) {
                socket.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
                PrometheusText during = scrape(s);
                assertThat(during.value("http_requests_in_flight")).isEqualTo(1.0);
            }
            PrometheusText after = null;
            for (int i = 0; i < 100; i++) { // the close reaches the server a moment after ours
                after = scrape(s);
                if (after.value("http_requests_aborted_total", "method", "GET") != null) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(after.value("http_requests_aborted_total", "method", "GET")).isEqualTo(1.0);
            assertThat(after.value("http_requests_in_flight")).isEqualTo(0.0);
            assertThat(after.value("http_requests_total", "method", "GET", "status", "200")).isNull();
        }
    }
}
