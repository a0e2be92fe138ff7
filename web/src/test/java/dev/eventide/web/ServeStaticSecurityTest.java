package dev.eventide.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serveStatic never leaves its root: each way of spelling "go up", every malformed escape,
 * NUL bytes, absolute paths and symlinks pointing out, sent verbatim on a raw socket (Java's
 * HttpClient would normalise or refuse them). A file beside the root holds a secret that no
 * response may contain.
 */
class ServeStaticSecurityTest {
    private static final String SECRET = "TOP-SECRET-CONTENT";

    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("pub"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("ok.txt"), "fine");
        Files.createDirectories(root.resolve("d"));
    }

    /** fallthrough off, so a refusal is the status this middleware chose, not the app's 404. */
    private TestServer server() {
        WebApp app = Web.app();
        app.use(ServeStatic.create(root.toString(), new ServeStatic.Options().fallthrough(false)));
        return TestServer.start(app);
    }

    private static void refused(TestServer s, String target, int status) {
        var r = RawClient.get(s.port(), target);
        assertThat(r.status()).as(target).isEqualTo(status);
        assertThat(r.text()).as(target).doesNotContain(SECRET);
    }

    @Test
    void plainDotDotIsForbidden() {
        try (TestServer s = server()) {
            refused(s, "/../secret.txt", 403);
            refused(s, "/d/../../secret.txt", 403);
        }
    }

    @Test
    void percentEncodedDotDotIsForbidden() {
        try (TestServer s = server()) {
            refused(s, "/%2e%2e/secret.txt", 403);
            refused(s, "/%2E%2E/secret.txt", 403);
            refused(s, "/.%2e/secret.txt", 403);
        }
    }

    @Test
    void encodedSlashesCannotSmuggleADotDot() {
        try (TestServer s = server()) {
            refused(s, "/..%2fsecret.txt", 403);
            refused(s, "/d%2f..%2f..%2fsecret.txt", 403);
            refused(s, "/%2e%2e%2fsecret.txt", 403);
        }
    }

    @Test
    void backslashesCountAsSeparatorsForDotDot() {
        try (TestServer s = server()) {
            refused(s, "/..\\secret.txt", 403);
            refused(s, "/..%5csecret.txt", 403);
            refused(s, "/d%5c..%5c..%5csecret.txt", 403);
        }
    }

    @Test
    void aNulByteIs400() {
        try (TestServer s = server()) {
            refused(s, "/ok.txt%00", 400);
            refused(s, "/ok.txt%00.png", 400);
        }
    }

    @Test
    void malformedAndOverlongEscapesAre400() {
        try (TestServer s = server()) {
            refused(s, "/%zz", 400);
            refused(s, "/ok.txt%", 400);
            refused(s, "/%E0%A4%A", 400);
            refused(s, "/%c0%ae%c0%ae/secret.txt", 400); // overlong UTF-8 for ".."
            refused(s, "/%c0%af", 400);                  // overlong UTF-8 for "/"
            refused(s, "/%ed%a0%80", 400);               // a UTF-16 surrogate in UTF-8
        }
    }

    @Test
    void anAbsolutePathStaysUnderTheRoot() {
        try (TestServer s = server()) {
            refused(s, "//etc/passwd", 404);
            refused(s, "/" + tmp.resolve("secret.txt"), 404);
            refused(s, "///" + tmp.resolve("secret.txt"), 404);
        }
    }

    @Test
    void aSymlinkPointingOutOfTheRootIsForbiddenAndOneInsideIsServed() throws IOException {
        Files.createSymbolicLink(root.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("updir"), tmp);
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("ok.txt"));
        try (TestServer s = server()) {
            refused(s, "/leak.txt", 403);
            refused(s, "/updir/secret.txt", 403);
            var inside = RawClient.get(s.port(), "/alias.txt");
            assertThat(inside.status()).isEqualTo(200);
            assertThat(inside.text()).isEqualTo("fine");
            assertThat(inside.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        }
    }

    @Test
    void aRootThatIsItselfASymlinkStillServesItsFiles() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link-root"), root);
        WebApp app = Web.app();
        app.use(ServeStatic.create(link.toString()));
        try (TestServer s = TestServer.start(app)) {
            assertThat(RawClient.get(s.port(), "/ok.txt").text()).isEqualTo("fine");
        }
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path fifo = root.resolve("pipe.txt");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        try (TestServer s = server()) {
            refused(s, "/pipe.txt", 404);
            assertThat(RawClient.get(s.port(), "/ok.txt").text()).isEqualTo("fine");
        }
    }

    @Test
    void curlWithPathAsIsGetsTheSameRefusal() throws Exception {
        try (TestServer s = server()) {
            Process p = new ProcessBuilder("curl", "-s", "--path-as-is", "-o", "/dev/null", "-w", "%{http_code}",
                    "http://127.0.0.1:" + s.port() + "/../secret.txt").start();
            String code = new String(p.getInputStream().readAllBytes()).trim();
            assertThat(p.waitFor()).isZero();
            assertThat(code).isEqualTo("403");
        }
    }
}
