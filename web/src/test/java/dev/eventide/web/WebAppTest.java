package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebAppTest {

    /** Starts the app on an ephemeral port, fetches each path in turn and records "status body". */
    static List<String> fetchAll(WebApp app, String... paths) {
        List<String> got = new ArrayList<>();
        int code = EventLoop.run(() -> {
            HttpServer server = app.listen(0, "127.0.0.1", null);
            server.on("listening", a -> fetchNext(server, paths, 0, got));
        });
        assertThat(code).isZero();
        return got;
    }

    private static void fetchNext(HttpServer server, String[] paths, int i, List<String> got) {
        if (i == paths.length) {
            server.close();
            return;
        }
        int port = server.address().port();
        Http.fetch("http://127.0.0.1:" + port + paths[i]).then(r -> r.text().then(body -> {
            got.add(r.status() + " " + body);
            fetchNext(server, paths, i + 1, got);
            return null;
        }));
    }

    @Test
    void routesParametersMountedRoutersAndTheFallbacksAnswerAsExpressDoes() {
        WebApp app = Web.app();
        Router api = Web.router();
        api.get("/users/:id", (req, res, next) -> res.json(Map.of("id", req.param("id"), "base", req.baseUrl())));
        app.use("/api", api);
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("bad"); });
        app.use((err, req, res, next) -> res.status(599).send("caught " + err.getMessage()));

        List<String> got = fetchAll(app, "/api/users/42", "/nope", "/boom");

        assertThat(got).containsExactly(
                "200 {\"id\":\"42\",\"base\":\"/api\"}",
                "404 Cannot GET /nope\n",
                "599 caught bad");
    }

    @Test
    void aRealClientSeesTheJsonBodyAndItsContentType() {
        WebApp app = Web.app();
        app.get("/hello/:name", (req, res, next) -> res.json(Map.of("hello", req.param("name"))));
        try (TestServer server = TestServer.start(app)) {
            var r = server.get("/hello/world");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(r.body()).isEqualTo("{\"hello\":\"world\"}");
        }
    }
}
