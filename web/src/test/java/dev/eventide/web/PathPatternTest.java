package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Path matching against path-to-regexp 8.4.2 (Express 5's): every expectation here was printed by
 * path-to-regexp's match() under node for the same pattern and path (decode off; here parameters
 * are decoded, so "a%20b" reads "a b"). No sockets.
 */
class PathPatternTest {

    /** "matched path | params" or null, for a route (end: true) or a mount (end: false). */
    private static String route(String pattern, String path) {
        return describe(new PathPattern(pattern, false).match(path, false, false));
    }

    private static String mount(String pattern, String path) {
        return describe(new PathPattern(pattern, true).match(path, false, false));
    }

    private static String describe(PathPattern.Match m) {
        return m == null ? null : m.matched() + " " + m.params();
    }

    @Test
    void parametersStopAtSlashesAndOneTrailingSlashIsToleratedCaseInsensitively() {
        assertThat(route("/users/:id", "/users/42")).isEqualTo("/users/42 {id=42}");
        assertThat(route("/users/:id", "/users/42/")).isEqualTo("/users/42/ {id=42}");
        assertThat(route("/users/:id", "/users/")).isNull();
        assertThat(route("/users/:id", "/Users/42")).isEqualTo("/Users/42 {id=42}");
        assertThat(route("/users/:id", "/users/a%20b")).isEqualTo("/users/a%20b {id=a b}");
        assertThat(route("/users/:id", "/users/42/x")).isNull();
    }

    @Test
    void optionalGroupsAndNestedGroupsExpandAsTheRegexAlternationOrdersThem() {
        assertThat(route("/files{/:name}", "/files")).isEqualTo("/files {}");
        assertThat(route("/files{/:name}", "/files/a.txt")).isEqualTo("/files/a.txt {name=a.txt}");
        assertThat(route("/book{s}", "/books")).isEqualTo("/books {}");
        assertThat(route("/book{s}", "/book")).isEqualTo("/book {}");
        assertThat(route("/a{/:b{/:c}}", "/a/1/2")).isEqualTo("/a/1/2 {b=1, c=2}");
        assertThat(route("/a{/:b{/:c}}", "/a/1")).isEqualTo("/a/1 {b=1}");
        assertThat(route("/a{/:b{/:c}}", "/a")).isEqualTo("/a {}");
    }

    @Test
    void wildcardsSpanSegmentsGreedilyAndGiveBackWhatTheRestNeeds() {
        assertThat(route("/*splat", "/a/b/c")).isEqualTo("/a/b/c {splat=a/b/c}");
        assertThat(route("/*splat", "/")).isNull();
        assertThat(route("/files/*path/edit", "/files/a/b/edit")).isEqualTo("/files/a/b/edit {path=a/b}");
        assertThat(route("/files/*path/edit", "/files/a/edit/b/edit")).isEqualTo("/files/a/edit/b/edit {path=a/edit/b}");
        assertThat(route("/*a/x/*b", "/1/2/x/3/x/4")).isEqualTo("/1/2/x/3/x/4 {a=1/2/x/3, b=4}");
        assertThat(route("/users/:id/*rest", "/users/1/a/b")).isEqualTo("/users/1/a/b {id=1, rest=a/b}");
    }

    @Test
    void severalParametersInOneSegmentSplitAsPathToRegexpSplitsThem() {
        assertThat(route("/:file.:ext", "/archive.tar.gz")).isEqualTo("/archive.tar.gz {file=archive.tar, ext=gz}");
        assertThat(route("/:a-:b", "/x-y-z")).isEqualTo("/x-y-z {a=x-y, b=z}");
        assertThat(route("/:a-:b", "/x-y-z/")).isEqualTo("/x-y-z/ {a=x-y, b=z}");
        assertThat(route("/flights/:from-:to", "/flights/LAX-SFO")).isEqualTo("/flights/LAX-SFO {from=LAX, to=SFO}");
        assertThat(route("/:p.json", "/data.json")).isEqualTo("/data.json {p=data}");
    }

    @Test
    void quotedNamesEscapesAndUnicodeTextAreLiteral() {
        assertThat(route("/:\"quoted name\"", "/v")).isEqualTo("/v {quoted name=v}");
        assertThat(route("/caf\u00e9", "/caf\u00e9")).isEqualTo("/caf\u00e9 {}");
        assertThat(route("/a\\:b", "/a:b")).isEqualTo("/a:b {}");
    }

    @Test
    void mountsMatchWholeSegmentPrefixes() {
        assertThat(mount("/api", "/api/users")).isEqualTo("/api {}");
        assertThat(mount("/api", "/api")).isEqualTo("/api {}");
        assertThat(mount("/api", "/api/")).isEqualTo("/api/ {}");
        assertThat(mount("/api", "/apix")).isNull();
        assertThat(mount("/api/:v", "/api/2/x")).isEqualTo("/api/2 {v=2}");
    }

    @Test
    void express4OptionalParametersAndBareStarStillWork() {
        assertThat(route("/users/:id?", "/users")).isEqualTo("/users {}");
        assertThat(route("/users/:id?", "/users/7")).isEqualTo("/users/7 {id=7}");
        // Express 4 gave req.params[0] = "/any/thing" for "*"
        assertThat(route("*", "/any/thing")).isEqualTo("/any/thing {0=/any/thing}");
        assertThat(route("*", "/")).isEqualTo("/ {0=/}");
    }

    @Test
    void strictRoutingAndCaseSensitivityAreHonouredWhenAsked() {
        PathPattern p = new PathPattern("/Users/:id", false);
        assertThat(p.match("/users/1", true, false)).isNull();
        assertThat(p.match("/Users/1", true, false)).isNotNull();
        assertThat(p.match("/Users/1/", false, true)).isNull();
        assertThat(new PathPattern("/dir/", false).match("/dir/", false, true)).isNotNull();
        assertThat(new PathPattern("/dir/", false).match("/dir", false, true)).isNull();
        assertThat(new PathPattern("/dir/", false).match("/dir", false, false)).isNotNull();
    }

    @Test
    void malformedEscapesInParametersAre400sAsExpressDecodeParamFailures() {
        PathPattern.Match m = new PathPattern("/p/:a", false).match("/p/%zz", false, false);
        assertThatThrownBy(m::params).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("ERR_INVALID_URL_PARAM");
            assertThat(e.getMessage()).isEqualTo("Failed to decode param '%zz'");
        });
        assertThatThrownBy(new PathPattern("/p/:a", false).match("/p/%C3%28", false, false)::params)
                .isInstanceOf(HttpError.class);
        assertThat(new PathPattern("/p/:a", false).match("/p/%E2%82%AC", false, false).params())
                .isEqualTo(Map.of("a", "\u20ac"));
    }

    @Test
    void invalidPatternsAreRefusedWithPathToRegexpsReasons() {
        assertThatThrownBy(() -> new PathPattern("/:", false)).hasMessageContaining("Missing parameter name at index 2");
        assertThatThrownBy(() -> new PathPattern("/(x)", false)).hasMessageContaining("Unexpected ( at index 1");
        assertThatThrownBy(() -> new PathPattern("/a?", false)).hasMessageContaining("Unexpected ? at index 2");
        assertThatThrownBy(() -> new PathPattern("/:a:b", false)).hasMessageContaining("Missing text before \"b\" param");
        assertThatThrownBy(() -> new PathPattern("/{a", false)).hasMessageContaining("Unexpected end");
    }
}
