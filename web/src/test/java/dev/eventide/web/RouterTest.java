package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routing semantics of Express 5's router: route chains, next('route') and next('router'),
 * HEAD and OPTIONS defaults (Allow as express@5 sent it), mount paths and their url/baseUrl
 * restoration, sub-apps, router settings and param callbacks. Driven by a real client.
 */
class RouterTest {

    @Test
    void routeChainsTakeOneHandlerPerMethodAndNextRouteSkipsTheRestOfTheRoute() {
        WebApp app = WebAppTest.testApp();
        app.route("/book")
                .get((req, res, next) -> {
                    if ("1".equals(req.query("skip"))) {
                        next.route();
                    } else {
                        next.call();
                    }
                }, (req, res, next) -> res.send("second get handler"))
                .post((req, res, next) -> res.send("posted"));
        app.get("/book", (req, res, next) -> res.send("next route"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/book").body()).isEqualTo("second get handler");
            assertThat(s.get("/book?skip=1").body()).isEqualTo("next route");
            assertThat(s.send(s.request("/book").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).body())
                    .isEqualTo("posted");
        }
    }

    @Test
    void nextRouterLeavesTheRouterAndContinuesInItsParent() {
        WebApp app = WebAppTest.testApp();
        Router admin = Web.router();
        admin.use((req, res, next) -> {
            if (req.get("x-admin") == null) {
                next.router();
            } else {
                next.call();
            }
        });
        admin.get("/panel", (req, res, next) -> res.send("admin panel"));
        app.use("/admin", admin);
        app.use("/admin", (req, res, next) -> res.status(403).send("no admin"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/admin/panel").body()).isEqualTo("no admin");
            assertThat(s.send(s.request("/admin/panel").header("X-Admin", "1").build()).body()).isEqualTo("admin panel");
        }
    }

    @Test
    void headRunsGetHandlersWithoutABodyAndOptionsListsTheMethodsAsExpressDoes() {
        WebApp app = WebAppTest.testApp();
        app.get("/users/:id", (req, res, next) -> res.json(java.util.Map.of("id", req.param("id"))));
        app.post("/users/:id", (req, res, next) -> res.send("p"));
        app.put("/users/:id", (req, res, next) -> res.send("p"));
        try (TestServer s = TestServer.start(app)) {
            RawHttp head = RawHttp.exchange(s.port(), "HEAD", "/users/7");
            assertThat(head.status).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo("10");
            assertThat(head.header("etag")).isEqualTo("W/\"a-2sSZaOVerqxJsEVsNAYKnL4mAWg\""); // express@5's value
            assertThat(head.body).isEmpty();
            RawHttp options = RawHttp.exchange(s.port(), "OPTIONS", "/users/1");
            assertThat(options.status).isEqualTo(200);
            assertThat(options.header("allow")).isEqualTo("GET, HEAD, POST, PUT");
            assertThat(options.body).isEqualTo("GET, HEAD, POST, PUT");
            assertThat(options.header("content-type")).isEqualTo("text/plain");
            assertThat(RawHttp.exchange(s.port(), "OPTIONS", "/elsewhere").status).isEqualTo(404);
        }
    }

    @Test
    void mountsCutTheirPrefixFromUrlAndRestoreItForLaterLayers() {
        WebApp app = WebAppTest.testApp();
        List<String> seen = new ArrayList<>();
        Router api = Web.router();
        api.use((req, res, next) -> {
            seen.add("in api: url=" + req.url() + " base=" + req.baseUrl() + " original=" + req.originalUrl());
            next.call();
        });
        app.use("/api/v1", api);
        app.use((req, res, next) -> {
            seen.add("after: url=" + req.url() + " base=" + req.baseUrl());
            res.send("done");
        });
        try (TestServer s = TestServer.start(app)) {
            s.get("/API/v1/items?x=1");
            s.get("/api/v1");
        }
        assertThat(seen).containsExactly(
                "in api: url=/items?x=1 base=/API/v1 original=/API/v1/items?x=1",
                "after: url=/API/v1/items?x=1 base=",
                "in api: url=/ base=/api/v1 original=/api/v1",
                "after: url=/api/v1 base=");
    }

    @Test
    void aMiddlewareThatRewritesTheUrlIsHeardByLaterLayers() {
        WebApp app = WebAppTest.testApp();
        app.use((req, res, next) -> {
            if (req.url().equals("/old")) {
                req.url("/new");
            }
            next.call();
        });
        app.get("/new", (req, res, next) -> res.send("new page, original " + req.originalUrl()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/old").body()).isEqualTo("new page, original /old");
        }
    }

    @Test
    void subAppsSeeThemselvesAsReqAppAndInheritSettingsTheyDoNotSet() {
        WebApp app = WebAppTest.testApp().set("greeting", "hello");
        WebApp blog = Web.app().set("env", "test");
        blog.get("/post/:id", (req, res, next) -> res.send(
                (req.app() == blog) + " " + req.app().setting("greeting") + " " + req.baseUrl() + " " + blog.mountpath()));
        app.use("/blog", blog);
        app.get("/where", (req, res, next) -> res.send(String.valueOf(req.app() == app)));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/blog/post/1").body()).isEqualTo("true hello /blog /blog");
            assertThat(s.get("/blog/missing").statusCode()).isEqualTo(404);
            assertThat(s.get("/where").body()).isEqualTo("true");
        }
    }

    @Test
    void caseSensitiveAndStrictRoutingSettingsAreHonoured() {
        WebApp app = WebAppTest.testApp().set("case sensitive routing", true).set("strict routing", true);
        app.get("/Dir/", (req, res, next) -> res.send("dir"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/Dir/").statusCode()).isEqualTo(200);
            assertThat(s.get("/dir/").statusCode()).isEqualTo(404);
            assertThat(s.get("/Dir").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void paramCallbacksRunOncePerValueBeforeTheLayersThatUseTheParameter() {
        WebApp app = WebAppTest.testApp();
        List<String> loads = new ArrayList<>();
        app.param("user", (req, res, next, value, name) -> {
            loads.add(name + "=" + value);
            if (value.equals("bad")) {
                next.call(new HttpError(404, "ERR_NO_USER", "no such user"));
                return;
            }
            req.attr("user", "User " + value);
            next.call();
        });
        app.get("/users/:user", (req, res, next) -> next.call());
        app.get("/users/:user", (req, res, next) -> res.send(req.<String>attr("user")));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/users/ann").body()).isEqualTo("User ann");
            assertThat(s.get("/users/bad").statusCode()).isEqualTo(404);
        }
        assertThat(loads).containsExactly("user=ann", "user=bad");
    }

    @Test
    void mergeParamsLetsAMountedRouterSeeItsParentsParameters() {
        WebApp app = WebAppTest.testApp();
        Router items = Web.router().mergeParams(true);
        items.get("/items/:item", (req, res, next) -> res.send(req.param("owner") + "/" + req.param("item")));
        app.use("/owners/:owner", items);
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/owners/ann/items/7").body()).isEqualTo("ann/7");
        }
    }

    @Test
    void manyMiddlewareCallingNextSynchronouslyDoNotOverflowTheStack() {
        WebApp app = WebAppTest.testApp();
        for (int i = 0; i < 5000; i++) {
            app.use((req, res, next) -> next.call());
        }
        app.get("/deep", (req, res, next) -> res.send("reached"));
        try (TestServer s = TestServer.start(app)) {
            assertThat(s.get("/deep").body()).isEqualTo("reached");
        }
    }
}
