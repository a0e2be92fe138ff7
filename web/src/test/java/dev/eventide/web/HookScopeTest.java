package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hooks of mounted sub-apps (Fastify's encapsulation on Express mounting): the order of every
 * hook kind across two levels of sub-apps, compared with what fastify 5.12.8 prints for the same
 * plugin tree (test resource fastify-subapp-hooks.js); requests that never enter a sub-app or
 * leave it; errors raised inside one; onSend payloads chained parent to child.
 */
class HookScopeTest {

    /** The order hooks and handlers ran in, recorded from the loop thread, read by the test. */
    private static final class Trace {
        private final List<String> lines = new ArrayList<>();

        synchronized void add(String line) {
            lines.add(line);
            notifyAll();
        }

        /** Waits until n lines are in (onResponse runs after the client has its answer). */
        synchronized List<String> await(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lines.size() < n && System.nanoTime() < end) {
                wait(100);
            }
            List<String> out = List.copyOf(lines);
            lines.clear();
            return out;
        }
    }

    /** Every hook kind on app, each recording "<name>.<hook>"; onSend appends "+<name>" to the payload. */
    private static WebApp hooked(WebApp app, String name, Trace trace) {
        app.addHook(Hooks.ON_REQUEST, (req, res, next) -> {
            trace.add(name + ".onRequest");
            next.call();
        });
        app.addHook(Hooks.PRE_HANDLER, (req, res, next) -> {
            trace.add(name + ".preHandler");
            next.call();
        });
        app.addHook(Hooks.ON_SEND, (req, res, payload) -> {
            trace.add(name + ".onSend " + payload);
            return payload + "+" + name;
        });
        app.addHook(Hooks.ON_ERROR, (req, res, err) -> trace.add(name + ".onError " + err.getMessage()));
        app.addHook(Hooks.ON_RESPONSE, (req, res, ms) -> trace.add(name + ".onResponse " + res.statusCode()));
        app.addHook(Hooks.ON_TIMEOUT, (req, res) -> trace.add(name + ".onTimeout"));
        return app;
    }

    private record Tree(WebApp t, WebApp a, WebApp b) {
    }

    /** T with /other; A mounted at /a with /y; B mounted in A at /b with /x, /boom, /slow, as the fastify oracle. */
    private static Tree tree(Trace trace) {
        WebApp b = hooked(WebAppTest.testApp(), "B", trace);
        b.get("/x", (req, res, next) -> {
            trace.add("handler /a/b/x");
            res.send("x");
        });
        b.get("/boom", (req, res, next) -> {
            trace.add("handler /a/b/boom");
            throw new IllegalStateException("kaput");
        });
        b.get("/slow", (req, res, next) -> trace.add("handler /a/b/slow"));
        WebApp a = hooked(WebAppTest.testApp(), "A", trace);
        a.get("/y", (req, res, next) -> {
            trace.add("handler /a/y");
            res.send("y");
        });
        a.use("/b", b);
        WebApp t = hooked(WebAppTest.testApp(), "T", trace);
        t.get("/other", (req, res, next) -> {
            trace.add("handler /other");
            res.send("other");
        });
        t.use("/a", a);
        return new Tree(t, a, b);
    }

    @Test
    void nestedSubAppsRunEveryHookParentFirstAsFastifyDoes() throws Exception {
        Trace trace = new Trace();
        try (TestServer s = TestServer.start(tree(trace).t())) {
            HttpResponse<String> r = s.get("/a/b/x");
            assertThat(r.body()).isEqualTo("x+T+A+B");
            assertThat(r.headers().firstValue("content-length")).hasValue("7");
            assertThat(trace.await(13)).containsExactly(
                    "T.onRequest", "A.onRequest", "B.onRequest",
                    "T.preHandler", "A.preHandler", "B.preHandler",
                    "handler /a/b/x",
                    "T.onSend x", "A.onSend x+T", "B.onSend x+T+A",
                    "T.onResponse 200", "A.onResponse 200", "B.onResponse 200");
        }
    }

    @Test
    void aSubAppsHooksDoNotRunForRequestsThatNeverEnterIt() throws Exception {
        Trace trace = new Trace();
        try (TestServer s = TestServer.start(tree(trace).t())) {
            assertThat(s.get("/other").body()).isEqualTo("other+T");
            assertThat(trace.await(5)).containsExactly(
                    "T.onRequest", "T.preHandler", "handler /other", "T.onSend other", "T.onResponse 200");
            assertThat(s.get("/a/y").body()).isEqualTo("y+T+A");
            assertThat(trace.await(9)).containsExactly(
                    "T.onRequest", "A.onRequest", "T.preHandler", "A.preHandler", "handler /a/y",
                    "T.onSend y", "A.onSend y+T", "T.onResponse 200", "A.onResponse 200");
        }
    }

    @Test
    void anErrorInsideASubAppReachesTheOnErrorHooksParentFirstThenItsErrorHandler() throws Exception {
        Trace trace = new Trace();
        Tree tree = tree(trace);
        tree.b().use((err, req, res, next) -> res.status(500).send("failed: " + err.getMessage()));
        try (TestServer s = TestServer.start(tree.t())) {
            HttpResponse<String> r = s.get("/a/b/boom");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("failed: kaput+T+A+B");
            assertThat(trace.await(16)).containsExactly(
                    "T.onRequest", "A.onRequest", "B.onRequest",
                    "T.preHandler", "A.preHandler", "B.preHandler",
                    "handler /a/b/boom",
                    "T.onError kaput", "A.onError kaput", "B.onError kaput",
                    "T.onSend failed: kaput", "A.onSend failed: kaput+T", "B.onSend failed: kaput+T+A",
                    "T.onResponse 500", "A.onResponse 500", "B.onResponse 500");
        }
    }

    @Test
    void anErrorThatLeavesTheSubAppsIsReportedOnceAndAnsweredWithTheTopAppsOnSendOnly() throws Exception {
        Trace trace = new Trace();
        try (TestServer s = TestServer.start(tree(trace).t())) {
            HttpResponse<String> r = s.get("/a/b/boom");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).endsWith("+T");
            List<String> seen = trace.await(14);
            assertThat(seen).filteredOn(l -> l.contains("onError")).containsExactly(
                    "T.onError kaput", "A.onError kaput", "B.onError kaput");
            assertThat(seen).filteredOn(l -> l.contains("onSend")).hasSize(1).allMatch(l -> l.startsWith("T.onSend"));
            assertThat(seen).endsWith("T.onResponse 500", "A.onResponse 500", "B.onResponse 500");
        }
    }

    @Test
    void onTimeoutRunsForEveryAppTheRequestEnteredParentFirst() throws Exception {
        Trace trace = new Trace();
        Tree tree = tree(trace);
        tree.t().set("request timeout", 50);
        tree.b().addHook(Hooks.ON_TIMEOUT, (req, res) -> res.status(503).send("too slow"));
        try (TestServer s = TestServer.start(tree.t())) {
            assertThat(s.get("/a/b/slow").statusCode()).isEqualTo(503);
            assertThat(trace.await(16)).containsExactly(
                    "T.onRequest", "A.onRequest", "B.onRequest",
                    "T.preHandler", "A.preHandler", "B.preHandler",
                    "handler /a/b/slow",
                    "T.onTimeout", "A.onTimeout", "B.onTimeout",
                    "T.onSend too slow", "A.onSend too slow+T", "B.onSend too slow+T+A",
                    "T.onResponse 503", "A.onResponse 503", "B.onResponse 503");
        }
    }

    @Test
    void aRequestThatFallsThroughASubAppIsAnsweredOutsideItsOnSendButStillHeardByItsOnResponse() throws Exception {
        Trace trace = new Trace();
        WebApp a = hooked(WebAppTest.testApp(), "A", trace);
        a.get("/x", (req, res, next) -> res.send("x"));
        WebApp top = WebAppTest.testApp(); // no hooks of its own: only A's run, and only inside A
        top.use("/a", a);
        top.get("/a/fall", (req, res, next) -> {
            trace.add("handler /a/fall in " + (req.app() == top ? "top" : "A"));
            res.send("fell");
        });
        top.get("/elsewhere", (req, res, next) -> {
            trace.add("handler /elsewhere");
            res.send("elsewhere");
        });
        try (TestServer s = TestServer.start(top)) {
            assertThat(s.get("/a/x").body()).isEqualTo("x+A");
            assertThat(trace.await(4)).containsExactly("A.onRequest", "A.preHandler", "A.onSend x", "A.onResponse 200");
            assertThat(s.get("/a/fall").body()).isEqualTo("fell");
            assertThat(trace.await(3)).containsExactly("A.onRequest", "handler /a/fall in top", "A.onResponse 200");
            assertThat(s.get("/elsewhere").body()).isEqualTo("elsewhere");
            assertThat(s.get("/a/x").body()).isEqualTo("x+A");
            assertThat(trace.await(5)).containsExactly("handler /elsewhere",
                    "A.onRequest", "A.preHandler", "A.onSend x", "A.onResponse 200");
        }
    }

    @Test
    void aChildsOnSendReceivesThePayloadItsParentReplaced() throws Exception {
        Trace trace = new Trace();
        WebApp child = WebAppTest.testApp();
        child.addHook(Hooks.ON_SEND, (req, res, payload) -> {
            trace.add("child saw " + payload);
            return "{\"data\":" + payload + "}";
        });
        child.get("/j", (req, res, next) -> res.json(java.util.Map.of("token", "secret")));
        WebApp parent = WebAppTest.testApp();
        parent.addHook(Hooks.ON_SEND, (req, res, payload) -> payload.toString().replace("secret", "******"));
        parent.use("/child", child);
        try (TestServer s = TestServer.start(parent)) {
            RawHttp r = RawHttp.exchange(s.port(), "GET", "/child/j");
            assertThat(r.body).isEqualTo("{\"data\":{\"token\":\"******\"}}");
            assertThat(r.header("content-length")).isEqualTo(String.valueOf(r.body.length()));
            assertThat(trace.await(1)).containsExactly("child saw {\"token\":\"******\"}");
        }
    }

    @Test
    void aSubAppsOnRequestCanAnswerOrFailIntoTheSubAppsErrorHandlers() throws Exception {
        Trace trace = new Trace();
        WebApp sub = WebAppTest.testApp();
        sub.addHook(Hooks.ON_REQUEST, (req, res, next) -> {
            if (req.path().equals("/blocked")) {
                res.status(403).send("blocked in sub");
            } else {
                throw new HttpError(401, "ERR_AUTH", "no token");
            }
        });
        sub.addHook(Hooks.ON_ERROR, (req, res, err) -> trace.add("sub.onError " + ((HttpError) err).code()));
        sub.use((req, res, next) -> res.send("never reached"));
        sub.use((err, req, res, next) -> res.status(((HttpError) err).status()).send("sub handled " + ((HttpError) err).code()));
        WebApp top = WebAppTest.testApp();
        top.use("/sub", sub);
        try (TestServer s = TestServer.start(top)) {
            HttpResponse<String> blocked = s.get("/sub/blocked");
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.body()).isEqualTo("blocked in sub");
            HttpResponse<String> failed = s.get("/sub/x");
            assertThat(failed.statusCode()).isEqualTo(401);
            assertThat(failed.body()).isEqualTo("sub handled ERR_AUTH");
            assertThat(trace.await(1)).containsExactly("sub.onError ERR_AUTH");
        }
    }
}
