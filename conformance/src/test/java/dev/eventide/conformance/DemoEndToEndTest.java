package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's main job as a new user runs it: {@code bin/eventide examples/demo.java}, driven
 * by curl and Java's HttpClient, then stopped with SIGTERM while a request is in flight: that
 * request completes, readiness turned false first, and the process exits with status 0.
 */
class DemoEndToEndTest {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private Process demo;
    private Path out;
    private Path err;

    @AfterEach
    void stop() throws InterruptedException {
        if (demo != null && demo.isAlive()) {
            demo.destroyForcibly();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoServesItsApiAndPagesAndShutsDownGracefullyOnSigterm() throws Exception {
        Path root = SharedCorpus.repoRoot();
        Path launcher = root.resolve("bin/eventide");
        assumeTrue(Files.isExecutable(launcher), "skipped: no bin/eventide");
        build(launcher, root);
        int port = freePort();
        start(launcher, root, port);
        String base = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

        // curl, as a user tries it first: the health endpoint and a note created from the shell.
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", base + "/healthz")).isEqualTo("200");
        String created = curl("-s", "-H", "Content-Type: application/json", "-d", "{\"title\":\"first\",\"tags\":[\"demo\"]}",
                "-w", " %{http_code}", base + "/api/notes");
        assertThat(created).startsWith("{\"id\":1,\"title\":\"first\"").endsWith(" 201");

        // Java's HttpClient: validation, reads, the session, security headers and the page.
        var bad = client.send(json(base + "/api/notes", "{\"title\":\"\",\"extra\":1}"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ERR_VALIDATION").contains("/title");
        for (int i = 2; i <= 30; i++) {
            assertThat(client.send(json(base + "/api/notes", "{\"title\":\"note " + i + "\",\"body\":\"" + "text ".repeat(20) + "\"}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
        var one = client.send(get(base + "/api/notes/2"), HttpResponse.BodyHandlers.ofString());
        assertThat(one.body()).startsWith("{\"id\":2,\"title\":\"note 2\"");
        assertThat(one.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(one.headers().firstValue("ratelimit-policy")).isPresent();
        assertThat(client.send(get(base + "/api/session"), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"visits\":1}");
        assertThat(client.send(get(base + "/api/session"), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"visits\":2}");
        var page = client.send(get(base + "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Eventide notes</title>");

        // Compression: the list is past the 1 KiB threshold.
        var list = client.send(HttpRequest.newBuilder(URI.create(base + "/api/notes")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(list.headers().firstValue("content-encoding")).contains("gzip");
        String unzipped = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(list.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).startsWith("[{\"id\":1,").contains("\"title\":\"note 30\"");

        // SIGTERM with a request in flight.
        var slow = client.sendAsync(get(base + "/api/slow?ms=1500"), HttpResponse.BodyHandlers.ofString());
        awaitInFlight(client, base);
        new ProcessBuilder("kill", "-TERM", Long.toString(demo.pid())).start().waitFor();
        var answered = slow.get(20, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"waited\":1500}");
        assertThat(demo.waitFor(20, TimeUnit.SECONDS)).as("the demo exited after SIGTERM").isTrue();
        String stderr = Files.readString(err);
        assertThat(demo.exitValue()).as(stderr).isZero();
        assertThat(stderr).contains("demo stopped: every request answered");
        List<String> logLines = Files.readAllLines(out).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"url\":\"/api/slow?ms=1500\"").contains("\"status\":200"));
        assertThat(logLines).allSatisfy(l -> assertThat(l).contains("\"requestId\":\""));
    }

    /** The metrics say a request is in flight (the scrape itself is not counted). */
    private static void awaitInFlight(HttpClient client, String base) throws Exception {
        for (int i = 0; i < 200; i++) {
            String metrics = client.send(get(base + "/metrics"), HttpResponse.BodyHandlers.ofString()).body();
            if (metrics.lines().anyMatch(l -> l.equals("http_requests_in_flight 1"))) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the slow request never showed as in flight");
    }

    private void build(Path launcher, Path root) throws Exception {
        Process version = new ProcessBuilder(launcher.toString(), "--version").directory(root.toFile())
                .redirectErrorStream(true).start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(version.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).as(output).isZero();
    }

    private void start(Path launcher, Path root, int port) throws Exception {
        out = Files.createTempFile("demo", ".out");
        err = Files.createTempFile("demo", ".err");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "examples/demo.java").directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("EVENTIDE_AOT", "0");
        // The jars the build above made, as they are (no rebuild check inside the test's time).
        pb.environment().put("EVENTIDE_MODULE_PATH", String.join(File.pathSeparator,
                root.resolve("core/target/eventide-core.jar").toString(), root.resolve("cli/target/eventide-cli.jar").toString(),
                root.resolve("web/target/eventide-web.jar").toString(), root.resolve("web/target/lib").toString()));
        demo = pb.start();
        for (int i = 0; i < 1200; i++) {
            if (Files.readString(err).contains("demo listening on")) {
                return;
            }
            assertThat(demo.isAlive()).as("the demo is running; stderr:\n" + Files.readString(err)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the demo did not start within 60 s; stderr:\n" + Files.readString(err));
    }

    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "--max-time", "10"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
    }

    private static HttpRequest json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
