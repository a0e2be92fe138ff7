package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serveStatic: serve-static's and send's behaviour (headers, conditional GET, ranges, index,
 * redirect, dotfiles, methods), checked with raw requests against files in a temporary root.
 */
class ServeStaticTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("pub"));
        Files.writeString(root.resolve("a.txt"), "hello world");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "<p>index</p>");
        Files.writeString(root.resolve("about.html"), "about page");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "git");
        Files.createDirectories(root.resolve("empty"));
    }

    private WebApp app(ServeStatic.Options o) {
        WebApp app = Web.app();
        app.use(ServeStatic.create(root.toString(), o));
        app.use((req, res, next) -> res.status(404).send("fell through"));
        return app;
    }

    @Test
    void aFileComesWithSendsHeadersAndItsBody() throws IOException {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var r = RawClient.get(s.port(), "/a.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello world");
            assertThat(r.header("content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("content-length")).isEqualTo("11");
            assertThat(r.header("accept-ranges")).isEqualTo("bytes");
            assertThat(r.header("cache-control")).isEqualTo("public, max-age=0");
            long mtime = Files.getLastModifiedTime(root.resolve("a.txt")).toMillis();
            assertThat(r.header("etag")).isEqualTo("W/\"b-" + Long.toHexString(mtime) + "\"");
            assertThat(r.header("last-modified")).isEqualTo(Freshness.httpDate(mtime));
        }
    }

    @Test
    void headSendsTheHeadersWithoutTheBody() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var r = RawClient.request(s.port(), "HEAD", "/a.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("content-length")).isEqualTo("11");
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void ifNoneMatchAndIfModifiedSinceGive304AndNoCacheOverridesThem() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var first = RawClient.get(s.port(), "/a.txt");
            String etag = first.header("etag");
            var byTag = RawClient.get(s.port(), "/a.txt", "If-None-Match: \"x\", " + etag);
            assertThat(byTag.status()).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            assertThat(byTag.header("content-type")).isNull();
            assertThat(byTag.header("etag")).isEqualTo(etag);
            var byDate = RawClient.get(s.port(), "/a.txt", "If-Modified-Since: " + first.header("last-modified"));
            assertThat(byDate.status()).isEqualTo(304);
            var older = RawClient.get(s.port(), "/a.txt", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT");
            assertThat(older.status()).isEqualTo(200);
            var noCache = RawClient.get(s.port(), "/a.txt", "If-None-Match: " + etag, "Cache-Control: no-cache");
            assertThat(noCache.status()).isEqualTo(200);
            var otherTag = RawClient.get(s.port(), "/a.txt", "If-None-Match: W/\"other\"");
            assertThat(otherTag.status()).isEqualTo(200);
        }
    }

    @Test
    void ifMatchWithAnotherTagAndIfUnmodifiedSinceInThePastGive412() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            assertThat(RawClient.get(s.port(), "/a.txt", "If-Match: \"nope\"").status()).isEqualTo(412);
            assertThat(RawClient.get(s.port(), "/a.txt", "If-Unmodified-Since: Mon, 01 Jan 2001 00:00:00 GMT")
                    .status()).isEqualTo(412);
            String etag = RawClient.get(s.port(), "/a.txt").header("etag");
            assertThat(RawClient.get(s.port(), "/a.txt", "If-Match: " + etag).status()).isEqualTo(200);
        }
    }

    @Test
    void rangesGive206ForOneRangeTheWholeFileForSeveralAnd416WhenUnsatisfiable() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var one = RawClient.get(s.port(), "/a.txt", "Range: bytes=0-4");
            assertThat(one.status()).isEqualTo(206);
            assertThat(one.text()).isEqualTo("hello");
            assertThat(one.header("content-range")).isEqualTo("bytes 0-4/11");
            assertThat(one.header("content-length")).isEqualTo("5");
            var suffix = RawClient.get(s.port(), "/a.txt", "Range: bytes=-5");
            assertThat(suffix.text()).isEqualTo("world");
            var open = RawClient.get(s.port(), "/a.txt", "Range: bytes=6-");
            assertThat(open.text()).isEqualTo("world");
            var merged = RawClient.get(s.port(), "/a.txt", "Range: bytes=0-2,3-4");
            assertThat(merged.status()).isEqualTo(206);
            assertThat(merged.text()).isEqualTo("hello");
            var several = RawClient.get(s.port(), "/a.txt", "Range: bytes=0-1,5-6");
            assertThat(several.status()).isEqualTo(200);
            assertThat(several.text()).isEqualTo("hello world");
            var bad = RawClient.get(s.port(), "/a.txt", "Range: bytes=100-200");
            assertThat(bad.status()).isEqualTo(416);
            assertThat(bad.header("content-range")).isEqualTo("bytes */11");
            var notBytes = RawClient.get(s.port(), "/a.txt", "Range: items=0-1");
            assertThat(notBytes.status()).isEqualTo(200);
        }
    }

    @Test
    void ifRangeWithAStaleTagSendsTheWholeFile() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            String etag = RawClient.get(s.port(), "/a.txt").header("etag");
            var fresh = RawClient.get(s.port(), "/a.txt", "Range: bytes=0-4", "If-Range: " + etag);
            assertThat(fresh.status()).isEqualTo(206);
            var stale = RawClient.get(s.port(), "/a.txt", "Range: bytes=0-4", "If-Range: W/\"old\"");
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.text()).isEqualTo("hello world");
        }
    }

    @Test
    void aDirectoryRedirectsToItsSlashAndServesItsIndex() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var redirect = RawClient.get(s.port(), "/sub?x=1");
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.header("location")).isEqualTo("/sub/?x=1");
            assertThat(redirect.text()).contains("Redirecting to /sub/?x=1");
            var index = RawClient.get(s.port(), "/sub/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.text()).isEqualTo("<p>index</p>");
            assertThat(index.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(RawClient.get(s.port(), "/empty/").text()).isEqualTo("fell through");
            assertThat(RawClient.get(s.port(), "/a.txt/").text()).isEqualTo("fell through");
        }
    }

    @Test
    void aDoubleSlashRedirectNeverPointsToAnotherHost() throws IOException {
        Files.createDirectories(root.resolve("evil.com"));
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var r = RawClient.get(s.port(), "//evil.com");
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.header("location")).isEqualTo("/evil.com/");
        }
    }

    @Test
    void dotfilesAreIgnoredByDefaultDeniedOrAllowedOnRequest() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            assertThat(RawClient.get(s.port(), "/.env").text()).isEqualTo("fell through");
            assertThat(RawClient.get(s.port(), "/.git/config").text()).isEqualTo("fell through");
        }
        try (TestServer s = TestServer.start(app(new ServeStatic.Options().dotfiles(ServeStatic.Dotfiles.DENY)))) {
            assertThat(RawClient.get(s.port(), "/.env").status()).isEqualTo(403);
        }
        try (TestServer s = TestServer.start(app(new ServeStatic.Options().dotfiles(ServeStatic.Dotfiles.ALLOW)))) {
            assertThat(RawClient.get(s.port(), "/.env").text()).isEqualTo("SECRET=1");
        }
    }

    @Test
    void withoutFallthroughAMissingFileIs404AndPostIs405() {
        try (TestServer s = TestServer.start(app(new ServeStatic.Options().fallthrough(false)))) {
            var missing = RawClient.get(s.port(), "/nope.txt");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).doesNotContain("fell through");
            var post = RawClient.request(s.port(), "POST", "/a.txt", "Content-Length: 0");
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("allow")).isEqualTo("GET, HEAD");
        }
        try (TestServer s = TestServer.start(app(new ServeStatic.Options()))) {
            var post = RawClient.request(s.port(), "POST", "/a.txt", "Content-Length: 0");
            assertThat(post.text()).isEqualTo("fell through");
        }
    }

    @Test
    void extensionsMaxAgeImmutableAndSetHeadersApply() {
        var o = new ServeStatic.Options().extensions("html").maxAge(3_600_000).immutable(true)
                .setHeaders((res, path, stat) -> res.set("X-File", path.getFileName().toString()));
        try (TestServer s = TestServer.start(app(o))) {
            var r = RawClient.get(s.port(), "/about");
            assertThat(r.text()).isEqualTo("about page");
            assertThat(r.header("cache-control")).isEqualTo("public, max-age=3600, immutable");
            assertThat(r.header("x-file")).isEqualTo("about.html");
        }
    }

    @Test
    void aMountedRootServesRelativeToItsMountAndRedirectsTheBareMount() {
        WebApp app = Web.app();
        app.use("/static", ServeStatic.create(root.toString()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(RawClient.get(s.port(), "/static/a.txt").text()).isEqualTo("hello world");
            Files.writeString(root.resolve("index.html"), "root index");
            var bare = RawClient.get(s.port(), "/static");
            assertThat(bare.status()).isEqualTo(301);
            assertThat(bare.header("location")).isEqualTo("/static/");
            assertThat(RawClient.get(s.port(), "/static/").text()).isEqualTo("root index");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
