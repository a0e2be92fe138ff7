package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.http.Http;
import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application end to end: routing to handlers, the 404 and error pages of Express 5's
 * finalhandler (expected bodies printed by express@5.1 under node), errors from throws, next(err)
 * and rejected promises, and the headers-already-sent case.
 */
class WebAppTest {
    static final String PAGE_HEAD = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
            + "</head>\n<body>\n<pre>";
    static final String PAGE_TAIL = "</pre>\n</body>\n</html>\n";

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

    static WebApp testApp() {
        return Web.app().set("env", "test");
    }

    @Test
    void routesParametersMountedRoutersAndErrorMiddlewareAnswerAsExpressDoes() {
        WebApp app = testApp();
        Router api = Web.router();
        api.get("/users/:id", (req, res, next) -> res.json(new java.util.TreeMap<>(Map.of("id", req.param("id"), "base", req.baseUrl()))));
        app.use("/api", api);
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("bad"); });
        app.use((err, req, res, next) -> res.status(599).send("caught " + err.getMessage()));

        List<String> got = fetchAll(app, "/api/users/42", "/boom");

        assertThat(got).containsExactly("200 {\"base\":\"/api\",\"id\":\"42\"}", "599 caught bad");
    }

    @Test
    void unknownRoutesGetFinalhandlersPageWithTheEncodedPathAndSecurityHeaders() {
        try (TestServer s = TestServer.start(testApp())) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/nope/<x>?q=1");
            assertThat(r.status).isEqualTo(404);
            assertThat(r.body).isEqualTo(PAGE_HEAD + "Cannot GET /nope/%3Cx%3E" + PAGE_TAIL);
            assertThat(r.header("content-security-policy")).isEqualTo("default-src 'none'");
            assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("content-length")).isEqualTo("151"); // as express@5 sent it
        }
    }

    @Test
    void inProductionTheErrorPageShowsOnlyTheStatusText() {
        WebApp app = Web.app().set("env", "production");
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("secret detail"); });
        app.get("/teapot", (req, res, next) -> next.call(new HttpError(418, "ERR_TEAPOT", "short and stout")));
        try (TestServer s = TestServer.start(app)) {
            var boom = s.get("/boom");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).isEqualTo(PAGE_HEAD + "Internal Server Error" + PAGE_TAIL).doesNotContain("secret");
            var teapot = s.get("/teapot");
            assertThat(teapot.statusCode()).isEqualTo(418);
            assertThat(teapot.body()).isEqualTo(PAGE_HEAD + "I&#39;m a Teapot" + PAGE_TAIL);
        }
    }

    /** An exception type of another library that carries its own status. */
    public static final class StatusException extends RuntimeException {
        public StatusException() {
            super("gone away");
        }

        public int status() {
            return 410;
        }
    }

    @Test
    void outsideProductionThePageIsTheStackTraceAndTheStatusComesFromTheError() {
        WebApp app = testApp();
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("bad <thing>"); });
        app.get("/gone", (req, res, next) -> { throw new StatusException(); });
        app.get("/503", (req, res, next) -> {
            res.status(503);
            throw new IllegalStateException("down");
        });
        try (TestServer s = TestServer.start(app)) {
            var boom = s.get("/boom");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(boom.body()).startsWith(PAGE_HEAD + "java.lang.IllegalStateException: bad &lt;thing&gt;<br> &nbsp; &nbsp;at ");
            assertThat(s.get("/gone").statusCode()).isEqualTo(410);
            // finalhandler keeps a 4xx/5xx status the response already had
            assertThat(s.get("/503").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void nextWithAnErrorAndRejectedPromisesReachErrorMiddlewareSkippingPlainMiddleware() {
        WebApp app = testApp();
        List<String> seen = new ArrayList<>();
        app.get("/next", (req, res, next) -> next.call(new HttpError(409, "ERR_CONFLICT", "conflict")));
        app.get("/async", Web.async((req, res, next) -> Promise.reject(new IllegalArgumentException("async bad"))));
        app.get("/empty", Web.async((req, res, next) -> Promise.reject(null)));
        app.use((req, res, next) -> seen.add("plain middleware ran"));
        app.use((err, req, res, next) -> next.call(err));
        app.use((err, req, res, next) -> res.status(err instanceof HttpError h ? h.status() : 500).send(err.getMessage()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/next").body()).isEqualTo("conflict");
            assertThat(s.get("/next").statusCode()).isEqualTo(409);
            assertThat(s.get("/async").body()).isEqualTo("async bad");
            assertThat(s.get("/empty").body()).isNotEmpty(); // a reason-less rejection still arrives as an error
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void anErrorAfterTheHeadersWereSentDestroysTheConnection() {
        WebApp app = testApp();
        app.get("/half", (req, res, next) -> {
            res.set("Content-Type", "text/plain");
            res.write("partial");
            next.call(new IllegalStateException("too late"));
        });
        try (TestServer s = TestServer.start(app)) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/half");
            assertThat(r.status).isEqualTo(200);
            assertThat(r.body).contains("partial").doesNotEndWith("0\r\n\r\n"); // chunked body never terminated
        }
    }

    @Test
    void aMalformedEscapeInAParameterIsA400ThatErrorMiddlewareSees() {
        WebApp app = testApp();
        app.get("/p/:a", (req, res, next) -> res.send(req.param("a")));
        try (TestServer s = TestServer.start(app)) {
            RawHttp bad = RawHttp.exchange(s.port(), "GET", "/p/%zz");
            assertThat(bad.status).isEqualTo(400);
            assertThat(bad.body).contains("Failed to decode param &#39;%zz&#39;");
            assertThat(s.get("/p/%E2%82%AC").body()).isEqualTo("\u20ac");
        }
        WebApp caught = testApp();
        caught.get("/p/:a", (req, res, next) -> res.send("unreached"));
        caught.use((err, req, res, next) -> res.status(400).send(((HttpError) err).code()));
        try (TestServer s = TestServer.start(caught)) {
            assertThat(RawHttp.exchange(s.port(), "GET", "/p/%zz").body).isEqualTo("ERR_INVALID_URL_PARAM");
        }
    }

    @Test
    void aRealClientSeesTheJsonBodyAndItsContentType() {
        WebApp app = testApp();
        app.get("/hello/:name", (req, res, next) -> res.json(Map.of("hello", req.param("name"))));
        try (TestServer server = TestServer.start(app)) {
            var r = server.get("/hello/world");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(r.body()).isEqualTo("{\"hello\":\"world\"}");
        }
    }
}
