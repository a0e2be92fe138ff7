package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validate against a real server: 400 with the failing paths for body, query and params, string
 * coercion of query and params, schemas as JSON text or Maps, and RE2J patterns (a catastrophic
 * backtracking pattern answers at once; lookaround is refused when the schema is compiled).
 */
class ValidateTest {
    private static final String NOTE = """
            {"type":"object","required":["title"],"additionalProperties":false,
             "properties":{"title":{"type":"string","minLength":1,"maxLength":20},
                           "tags":{"type":"array","items":{"type":"string","pattern":"^[a-z]+$"}}}}
            """;

    private static WebApp app(Handler validator) {
        WebApp app = Web.app();
        app.use(BodyParsers.json());
        app.all("/notes/:id", validator, (req, res, next) -> res.json(Map.of(
                "query", String.valueOf(req.<Object>attr("validatedQuery")),
                "params", String.valueOf(req.<Object>attr("validatedParams")))));
        return app;
    }

    private static java.net.http.HttpResponse<String> post(TestServer s, String path, String json) {
        return s.send(s.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void aValidBodyPassesAndAnInvalidOneIs400WithEveryFailingPath() {
        try (TestServer s = TestServer.start(app(Validate.body(NOTE)))) {
            assertThat(post(s, "/notes/1", "{\"title\":\"ok\",\"tags\":[\"a\"]}").statusCode()).isEqualTo(200);
            var r = post(s, "/notes/1", "{\"title\":\"\",\"tags\":[\"ok\",\"NO\"],\"extra\":1}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(r.body()).startsWith("{\"code\":\"ERR_VALIDATION\"")
                    .contains("\"in\":\"body\",\"path\":\"/title\",\"keyword\":\"minLength\"")
                    .contains("\"path\":\"/tags/1\",\"keyword\":\"pattern\"")
                    .contains("\"keyword\":\"additionalProperties\"");
            var missing = post(s, "/notes/1", "{}");
            assertThat(missing.body()).contains("\"keyword\":\"required\"").contains("title");
        }
    }

    @Test
    void queryAndParamsAreCoercedFromStringsBeforeValidation() {
        Map<String, Object> query = Map.of("type", "object", "properties", Map.of(
                "page", Map.of("type", "integer", "minimum", 1),
                "draft", Map.of("type", "boolean"),
                "ids", Map.of("type", "array", "items", Map.of("type", "number"))));
        String params = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}";
        Handler v = Validate.create(new Validate.Options().query(query).params(params));
        try (TestServer s = TestServer.start(app(v))) {
            var ok = s.get("/notes/7?page=2&draft=true&ids=1.5&ids=2");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("{page=2, draft=true, ids=[1.5, 2]}").contains("{id=7}");
            var bad = s.get("/notes/x?page=0&draft=yes");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"in\":\"params\",\"path\":\"/id\",\"keyword\":\"type\"")
                    .contains("\"in\":\"query\",\"path\":\"/page\",\"keyword\":\"minimum\"")
                    .contains("\"in\":\"query\",\"path\":\"/draft\",\"keyword\":\"type\"");
        }
    }

    @Test
    void aCatastrophicBacktrackingPatternIsAnsweredAtOnceByRe2j() {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"pattern\":\"^(a+)+$\"}}}";
        try (TestServer s = TestServer.start(app(Validate.body(schema)))) {
            // 30 a's and a '!' takes java.util.regex about 2^30 steps; RE2J is linear.
            var r = post(s, "/notes/1", "{\"name\":\"" + "a".repeat(30) + "!\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("\"keyword\":\"pattern\"");
            assertThat(post(s, "/notes/1", "{\"name\":\"" + "a".repeat(30) + "\"}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void patternsRe2CannotRunAreRefusedWhenTheSchemaIsCompiled() {
        String lookahead = "{\"type\":\"string\",\"pattern\":\"^(?=a)a$\"}";
        assertThatThrownBy(() -> Validate.body(lookahead)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void ecmaUnicodeEscapesAreTranslatedForRe2() {
        assertThat(Re2jRegexFactory.fromEcma("^\\u00e9+$")).isEqualTo("^\\x{00e9}+$");
        assertThat(Re2jRegexFactory.fromEcma("\\\\u0041")).isEqualTo("\\\\u0041");
        assertThat(Re2jRegexFactory.INSTANCE.getRegularExpression("^\\u00e9+$").matches("\u00e9\u00e9")).isTrue();
        assertThat(Re2jRegexFactory.INSTANCE.getRegularExpression("b").matches("abc")).isTrue();
    }

    @Test
    void aMissingBodyIsValidatedAsNull() {
        try (TestServer s = TestServer.start(app(Validate.body(NOTE)))) {
            var r = s.get("/notes/1");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("\"in\":\"body\",\"path\":\"\",\"keyword\":\"type\"");
        }
    }
}
