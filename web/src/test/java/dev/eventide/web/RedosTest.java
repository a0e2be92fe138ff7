package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.http.HttpServerOptions;
import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ReDoS resistance: crafted 100 KiB paths against 1,000 routes of every shape (parameters,
 * several parameters in one segment, wildcards with text after them, optional groups) are
 * answered. The server's header limit is raised so the paths reach the router. Time is not
 * asserted (the benchmark measures it); the elapsed time is printed.
 */
class RedosTest {
    private static final int KIB100 = 100 * 1024;

    static WebApp thousandRoutes() {
        WebApp app = WebAppTest.testApp();
        for (int i = 0; i < 1000; i++) {
            String path = switch (i % 8) {
                case 0 -> "/r" + i + "/:id";
                case 1 -> "/:a-:b-:c" + i;
                case 2 -> "/*head/x" + i + "/*tail/end";
                case 3 -> "/:file.:ext" + i;
                case 4 -> "/files{/:dir}{/:sub}/f" + i;
                case 5 -> "/*all" + i;
                case 6 -> "/:a/:b/:c/:d/w" + i;
                default -> "/-:x-:y-" + i;
            };
            app.get(path, (req, res, next) -> res.send("matched " + path));
        }
        return app;
    }

    static List<String> craftedPaths() {
        return List.of(
                "/" + "a-".repeat(KIB100 / 2),
                "/" + "-".repeat(KIB100),
                "/" + "x/".repeat(KIB100 / 2),
                "/" + "a.".repeat(KIB100 / 2) + "z",
                "/files/" + "x0/".repeat(KIB100 / 3),
                "/" + "-a".repeat(KIB100 / 2) + "-",
                "/" + "%41".repeat(KIB100 / 3));
    }

    @Test
    void craftedPathsMatchOrMissInBoundedWorkWithoutSockets() {
        for (String path : craftedPaths()) {
            long start = System.nanoTime();
            int matched = 0;
            for (Router.Layer layer : thousandRoutes().stack) {
                if (layer.path.match(path, false, false) != null) {
                    matched++;
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("RedosTest: " + path.length() + " chars, 1000 patterns, " + matched + " matched, " + ms + " ms");
            assertThat(matched).isBetween(0, 1000);
        }
    }

    @Test
    void everyCraftedPathIsAnsweredOverHttp() throws Exception {
        WebApp app = thousandRoutes();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<HttpServer> server = new CompletableFuture<>();
        CompletableFuture<EventLoop> loop = new CompletableFuture<>();
        Thread t = new Thread(() -> EventLoop.run(() -> {
            loop.complete(EventLoop.current());
            HttpServer s = Http.createServer(new HttpServerOptions().maxHeaderSize(512 * 1024), app.handler());
            server.complete(s);
            s.listen(0, "127.0.0.1", () -> port.complete(s.address().port()));
        }), "redos-loop");
        t.setDaemon(true);
        t.start();
        int p = port.get(10, TimeUnit.SECONDS);
        List<Integer> statuses = new ArrayList<>();
        for (String path : craftedPaths()) {
            long start = System.nanoTime();
            RawHttp r = RawHttp.exchange(p, "GET", path);
            System.out.println("RedosTest HTTP: " + path.length() + " chars -> " + r.status + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            statuses.add(r.status);
        }
        loop.get().execute(() -> server.join().close());
        t.join(10_000);
        assertThat(statuses).hasSize(craftedPaths().size()).allMatch(s -> s == 200 || s == 404 || s == 400);
    }
}
