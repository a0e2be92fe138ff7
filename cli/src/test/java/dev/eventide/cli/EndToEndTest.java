package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/eventide as a user runs it, in a subprocess: JDK discovery, the module path, stdout,
 * stderr and the exit status. Eventide's classes under test are passed through
 * EVENTIDE_MODULE_PATH so that the script neither builds nor uses an AOT cache here.
 */
class EndToEndTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Path root() {
        String configured = System.getProperty("eventide.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return Files.exists(root.resolve("bin/eventide")) ? root.toAbsolutePath() : Path.of("..").toAbsolutePath().normalize();
    }

    private static String modulePath() {
        try {
            Path cli = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Launcher.eventideModule() + ":" + cli;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Result eventide(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return eventideAt(root().resolve("bin/eventide"), env, args);
    }

    private Result eventideAt(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/eventide finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
    }

    private Map<String, String> normalEnv() {
        return Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(),
                "JAVA_HOME", System.getProperty("java.home"),
                "EVENTIDE_MODULE_PATH", modulePath(),
                "EVENTIDE_CACHE_DIR", dir.resolve("cache").toString());
    }

    @Test
    void helloExamplePrintsWhatNodePrintsForItsTwin() throws Exception {
        Result result = eventide(normalEnv(), root().resolve("examples/hello.java").toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("main\ntick\npromise\nimmediate\ntimeout\nexit 0\n");
        if (Files.isExecutable(Path.of("/usr/bin/node"))) {
            Process node = new ProcessBuilder("/usr/bin/node", root().resolve("examples/hello.js").toString()).start();
            String expected = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            node.waitFor();
            assertThat(result.out()).isEqualTo(expected);
        }
    }

    @Test
    void argumentsReachMainAndARelativeScriptNameShowsInErrors() throws Exception {
        Files.writeString(dir.resolve("args.java"), "void main(String[] args) { System.out.println(String.join(\"|\", args)); }\n");
        Result result = eventide(normalEnv(), "args.java", "one", "two words", "--three");
        assertThat(result.out()).isEqualTo("one|two words|--three\n");

        Files.writeString(dir.resolve("bad.java"), "void main() {\n    undefinedCall();\n}\n");
        Result bad = eventide(normalEnv(), "bad.java");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("bad.java:2: error: cannot find symbol\n    undefinedCall();\n    ^\n");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void aCallbackThatBlocksTheLoopIsReportedWithItsMethodButSlowStartUpCodeIsNot() throws Exception {
        Files.writeString(dir.resolve("block.java"), """
                import module dev.eventide;

                void spin(long ms) {
                    long end = System.nanoTime() + ms * 1_000_000;
                    while (System.nanoTime() < end) { }
                }

                void blockForAWhile() {
                    spin(500);
                }

                void main() {
                    spin(300); // start-up work: not watched
                    Timers.setTimeout(() -> blockForAWhile(), 1);
                }
                """);
        Result result = eventide(normalEnv(), "block.java");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("BlockedLoopWarning").contains("blockForAWhile");
        // One report, made while the callback was still running; main's 300 ms made none.
        assertThat(result.err().split("has been blocked for", -1)).as(result.err()).hasSize(2);
    }

    @Test
    void uncaughtExceptionExitsWithOne() throws Exception {
        Files.writeString(dir.resolve("boom.java"), "void main() { throw new IllegalStateException(\"boom\"); }\n");
        Result result = eventide(normalEnv(), "boom.java");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("IllegalStateException").contains("boom");
    }

    @Test
    void secondRunSaysCacheHitWithEventideDebug() throws Exception {
        Files.writeString(dir.resolve("app.java"), "void main() { System.out.println(\"hi\"); }\n");
        var env = new java.util.HashMap<>(normalEnv());
        env.put("EVENTIDE_DEBUG", "1");
        assertThat(eventide(env, "app.java").err()).contains("cache miss");
        Result second = eventide(env, "app.java");
        assertThat(second.err()).contains("cache hit").doesNotContain("compiling");
        assertThat(second.out()).isEqualTo("hi\n");
    }

    @Test
    void withoutAJdk25TheLauncherSaysSoAndExitsWithNine() throws Exception {
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
        Path fakeHome = Files.createDirectories(dir.resolve("home"));
        var env = Map.of("PATH", emptyBin.toString(), "HOME", fakeHome.toString(),
                "JAVA_HOME", fakeHome.toString(), "EVENTIDE_JDK_DIRS", fakeHome + "/*");
        Result result = eventide(env, "app.java");
        assertThat(result.code()).isEqualTo(9);
        assertThat(result.err()).startsWith("eventide: no JDK 25 or newer found.").contains("JAVA_HOME");
    }

    @Test
    void badOptionExitsWithNineAsNodeDoes() throws Exception {
        Result result = eventide(normalEnv(), "--no-such-flag", "app.java");
        assertThat(result.code()).isEqualTo(9);
        assertThat(result.err()).isEqualTo("eventide: bad option: --no-such-flag\n");
    }

    @Test
    void launcherWorksThroughASymlink() throws Exception {
        Path link = dir.resolve("links/eventide");
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, root().resolve("bin/eventide"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symlinks here: " + e);
        }
        Result result = eventideAt(link, normalEnv(), "--version");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("v");
    }
}
