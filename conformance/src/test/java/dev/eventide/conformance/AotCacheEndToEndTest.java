package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/eventide's JVM AOT caches as a user gets them: a fresh cache folder, EVENTIDE_AOT=sync
 * (the training in the foreground), then a small web script run three times and a script
 * without the web layer. The JVM's class-loading log (-Xlog:class+load, through
 * EVENTIDE_JAVA_OPTS) says where each class came from: "source: shared objects file" is the AOT
 * cache. It checks that the training put the web layer and Jackson in the caches a web script
 * starts from (full.aot while it compiles, then web.aot), and kept them out of warm.aot.
 */
class AotCacheEndToEndTest {
    private static final String FROM_CACHE = "source: shared objects file";

    /** A web service answering one request from Eventide's client, then closing: it ends. */
    private static final String WEB_SCRIPT = """
            import module dev.eventide.web;

            void main() {
                WebApp app = Web.app();
                app.use(Web.json());
                app.post("/echo", (req, res, next) -> res.json(req.body()));
                HttpServer server = app.listen(0, "127.0.0.1", null);
                server.on("listening", a -> {
                    String url = "http://127.0.0.1:" + server.address().port() + "/echo";
                    var options = new RequestOptions().method("POST").header("content-type", "application/json");
                    Http.fetch(url, options, "{\\"n\\":1}").thenCompose(r -> r.text()).then(body -> {
                        System.out.println(body);
                        server.close();
                        return null;
                    });
                });
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aWebScriptStartsWithTheWebLayerAndJacksonInTheAotCacheAndAPlainScriptWithout() throws Exception {
        Path root = SharedCorpus.repoRoot();
        Path launcher = root.resolve("bin/eventide");
        assumeTrue(Files.isExecutable(launcher), "skipped: no bin/eventide");
        assertThat(run(launcher, root, List.of("--version"), "0").exitCode).isZero(); // builds the jars if needed
        Path web = Files.writeString(dir.resolve("service.java"), WEB_SCRIPT);
        Path plain = Files.writeString(dir.resolve("plain.java"), "import module dev.eventide;\nvoid main() { Timers.setTimeout(() -> {}, 1); }\n");

        Run compiling = run(launcher, root, List.of(web.toString()), "sync");
        assertThat(compiling.stdout).as(compiling.stderr).isEqualTo("{\"n\":1}\n");
        Path aotDir = onlyAotFolder();
        assertThat(aotDir.resolve("training.log")).content().doesNotContain("AOT training failed");
        assertThat(Stream.of("full.aot", "warm.aot", "web.aot").map(aotDir::resolve)).allMatch(Files::isRegularFile);
        assertThat(compiling.loaded("dev.eventide.web.Router")).endsWith(FROM_CACHE);

        Run warmWeb = run(launcher, root, List.of(web.toString()), null);
        assertThat(warmWeb.stdout).isEqualTo("{\"n\":1}\n");
        assertThat(Files.readString(aotDir.resolve("hints").resolve(web.toString().replace('/', '%')))).isEqualTo("web\n");
        assertThat(warmWeb.loaded("dev.eventide.web.Router")).endsWith(FROM_CACHE);
        assertThat(warmWeb.loaded("dev.eventide.web.JsonCodec")).endsWith(FROM_CACHE);
        assertThat(warmWeb.loaded("tools.jackson.databind.ObjectMapper")).endsWith(FROM_CACHE);

        run(launcher, root, List.of(plain.toString()), null); // compiles, writes the hint
        Run warmPlain = run(launcher, root, List.of(plain.toString()), null);
        assertThat(warmPlain.exitCode).isZero();
        assertThat(warmPlain.loaded("dev.eventide.loop.EventLoop")).endsWith(FROM_CACHE);
        assertThat(warmPlain.classLog).doesNotContain("dev.eventide.web.Router ");
    }

    private Path onlyAotFolder() throws Exception {
        try (Stream<Path> found = Files.walk(dir.resolve("cache/aot"), 2)) {
            List<Path> folders = found.filter(p -> Files.isRegularFile(p.resolve("full.aot"))).toList();
            assertThat(folders).hasSize(1);
            return folders.getFirst();
        }
    }

    private Run run(Path launcher, Path root, List<String> args, String aotMode) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Path classLog = dir.resolve("classes-" + out.getFileName());
        var command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("EVENTIDE_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("EVENTIDE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog + ":none");
        pb.environment().remove("EVENTIDE_MODULE_PATH");
        if (aotMode != null) {
            pb.environment().put("EVENTIDE_AOT", aotMode);
        } else {
            pb.environment().remove("EVENTIDE_AOT");
        }
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish; stderr:\n" + Files.readString(err));
        }
        String log = Files.exists(classLog) ? Files.readString(classLog) : "";
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err), log);
    }

    private record Run(int exitCode, String stdout, String stderr, String classLog) {
        /** The class-load line of one class: "name source: ...". */
        String loaded(String className) {
            return classLog.lines().filter(l -> l.startsWith(className + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(className + " was not loaded; stderr:\n" + stderr));
        }
    }
}
