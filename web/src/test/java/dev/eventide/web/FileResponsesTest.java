package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** res.sendFile and res.download as Express 5 behaves: headers, roots, and where errors go. */
class FileResponsesTest {
    @TempDir
    Path dir;

    private WebApp app() throws Exception {
        Files.writeString(dir.resolve("report.txt"), "quarterly numbers\n");
        Files.createDirectories(dir.resolve("sub"));
        WebApp app = Web.app().set("env", "test");
        app.get("/abs/:name", (req, res, next) -> res.sendFile(dir.resolve(req.param("name")).toString()));
        app.get("/rooted/*path", (req, res, next) -> res.sendFile(req.param("path"), dir.toString(), null, null));
        app.get("/relative", (req, res, next) -> res.sendFile("report.txt"));
        app.get("/download", (req, res, next) -> res.download(dir.resolve("report.txt").toString(), "Q3 €.txt", null, null));
        app.get("/callback", (req, res, next) -> res.sendFile(dir.resolve("missing").toString(),
                err -> res.status(410).send("callback got " + ((HttpError) err).code())));
        app.use((err, req, res, next) -> res.status(err instanceof HttpError h ? h.status() : 500)
                .send("handler got " + (err instanceof HttpError h ? h.code() : err.getClass().getSimpleName())));
        return app;
    }

    @Test
    void anAbsolutePathIsStreamedWithSendsHeaders() throws Exception {
        try (TestServer s = TestServer.start(app())) {
            var r = s.get("/abs/report.txt");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("quarterly numbers\n");
            assertThat(r.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
            assertThat(r.headers().firstValue("etag")).hasValueSatisfying(v -> assertThat(v).startsWith("W/\""));
            assertThat(r.headers().firstValue("last-modified")).isPresent();
        }
    }

    @Test
    void errorsGoToTheErrorHandlersADirectoryToNextAndACallbackGetsThemInstead() throws Exception {
        try (TestServer s = TestServer.start(app())) {
            var missing = s.get("/abs/nothing.txt");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("handler got ERR_NOT_FOUND");
            var directory = s.get("/abs/sub");
            assertThat(directory.statusCode()).isEqualTo(404);
            assertThat(directory.body()).startsWith("<!DOCTYPE html>").contains("Cannot GET /abs/sub");
            var callback = s.get("/callback");
            assertThat(callback.statusCode()).isEqualTo(410);
            assertThat(callback.body()).isEqualTo("callback got ERR_NOT_FOUND");
        }
    }

    @Test
    void aRelativePathWithoutARootIsAProgrammingErrorAndARootedPathCannotLeaveItsRoot() throws Exception {
        try (TestServer s = TestServer.start(app())) {
            assertThat(s.get("/relative").body()).isEqualTo("handler got NodeError");
            assertThat(s.get("/rooted/report.txt").body()).isEqualTo("quarterly numbers\n");
            var escape = s.get("/rooted/sub/%2e%2e/%2e%2e/etc/passwd");
            assertThat(escape.statusCode()).isEqualTo(403);
            assertThat(escape.body()).isEqualTo("handler got ERR_PATH_TRAVERSAL");
        }
    }

    @Test
    void downloadIsAnAttachmentWithTheGivenNameEncodedForNonAscii() throws Exception {
        try (TestServer s = TestServer.start(app())) {
            var r = s.get("/download");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("quarterly numbers\n");
            assertThat(r.headers().firstValue("content-disposition"))
                    .contains("attachment; filename=\"Q3 ?.txt\"; filename*=UTF-8''Q3%20%E2%82%AC.txt");
        }
    }
}
