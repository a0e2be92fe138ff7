package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fastify-style lifecycle hooks: their order (onRequest, middleware, preHandler, handler, onSend,
 * onResponse), onSend replacing the payload, onResponse's duration, onError, onTimeout, and
 * short-circuits from onRequest.
 */
class HooksTest {

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < n && System.nanoTime() < end) {
            Thread.sleep(5); // onResponse runs on the loop after the client already has the answer
        }
    }

    @Test
    void hooksRunInFastifysOrderAroundMiddlewareAndTheHandler() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        WebApp app = WebAppTest.testApp();
        app.addHook(Hooks.ON_REQUEST, (req, res, next) -> {
            order.add("onRequest");
            next.call();
        });
        app.addHook(Hooks.PRE_HANDLER, (req, res, next) -> {
            order.add("preHandler");
            next.call();
        });
        app.addHook(Hooks.ON_SEND, (req, res, payload) -> {
            order.add("onSend " + payload);
            return payload;
        });
        app.addHook("onResponse", (Hooks.ResponseHook) (req, res, ms) -> order.add("onResponse " + res.statusCode() + " " + (ms >= 0)));
        app.use((req, res, next) -> {
            order.add("middleware (body parser)");
            next.call();
        });
        app.get("/x", (req, res, next) -> {
            order.add("handler");
            res.send("body");
        });
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/x").body()).isEqualTo("body");
            awaitSize(order, 6);
        }
        assertThat(order).containsExactly("onRequest", "middleware (body parser)", "preHandler", "handler", "onSend body",
                "onResponse 200 true");
    }

    @Test
    void onSendCanReplaceThePayloadBeforeItsLengthAndETagAreComputed() {
        WebApp app = WebAppTest.testApp();
        app.addHook(Hooks.ON_SEND, (req, res, payload) -> payload instanceof dev.eventide.buffer.Bytes b
                ? b.toString().replace("secret", "******") : payload);
        app.get("/j", (req, res, next) -> res.json(Map.of("token", "secret")));
        try (TestServer s = TestServer.start(app)) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/j");
            assertThat(r.body).isEqualTo("{\"token\":\"******\"}");
            assertThat(r.header("content-length")).isEqualTo("18");
        }
    }

    @Test
    void onRequestCanAnswerAndStopOrFailIntoTheErrorHandlers() {
        WebApp app = WebAppTest.testApp();
        app.addHook(Hooks.ON_REQUEST, (req, res, next) -> {
            if (req.path().equals("/blocked")) {
                res.status(403).send("blocked early");
            } else if (req.path().equals("/fail")) {
                throw new HttpError(401, "ERR_AUTH", "no token");
            } else {
                next.call();
            }
        });
        app.use((req, res, next) -> res.send("reached"));
        app.use((err, req, res, next) -> res.status(((HttpError) err).status()).send(((HttpError) err).code()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/blocked").body()).isEqualTo("blocked early");
            assertThat(s.get("/fail").body()).isEqualTo("ERR_AUTH");
            assertThat(s.get("/fail").statusCode()).isEqualTo(401);
            assertThat(s.get("/ok").body()).isEqualTo("reached");
        }
    }

    @Test
    void onErrorObservesEachErrorOnceOnItsWayToTheErrorHandlers() {
        List<String> seen = new CopyOnWriteArrayList<>();
        WebApp app = WebAppTest.testApp();
        app.addHook(Hooks.ON_ERROR, (req, res, err) -> seen.add(err.getMessage()));
        app.get("/boom", (req, res, next) -> { throw new IllegalStateException("kaput"); });
        app.use((err, req, res, next) -> next.call(err));
        app.use((err, req, res, next) -> res.status(500).send("handled"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/boom").body()).isEqualTo("handled");
        }
        assertThat(seen).containsExactly("kaput");
    }

    @Test
    void onTimeoutFiresWhenTheRequestTimeoutPassesBeforeTheResponse() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        WebApp app = WebAppTest.testApp().set("request timeout", 50);
        app.addHook(Hooks.ON_TIMEOUT, (req, res) -> {
            seen.add("timeout " + req.path());
            res.status(503).send("too slow");
        });
        app.get("/slow", (req, res, next) -> { });
        app.get("/fast", (req, res, next) -> res.send("fast"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/slow").body()).isEqualTo("too slow");
            assertThat(s.get("/fast").body()).isEqualTo("fast");
            Thread.sleep(100);
        }
        assertThat(seen).containsExactly("timeout /slow");
    }

    @Test
    void aHookOfTheWrongTypeIsRefusedByName() {
        WebApp app = WebAppTest.testApp();
        assertThatThrownBy(() -> app.addHook("onSend", (Handler) (req, res, next) -> { }))
                .hasMessageContaining("onSend hooks implement");
        assertThatThrownBy(() -> app.addHook("onFoo", (Handler) (req, res, next) -> { }))
                .hasMessageContaining("unknown hook onFoo");
    }
}
