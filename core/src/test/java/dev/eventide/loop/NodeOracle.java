package dev.eventide.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JavaScript scenario under {@code node} (when installed) so a test can prove that its
 * expected trace is Node's. Without node the comparison is skipped and the test still checks
 * Eventide against the trace written in it. Called from test threads only.
 */
public final class NodeOracle {
    private static final Boolean AVAILABLE = probe();

    private NodeOracle() {}

    private static Boolean probe() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /** What node prints on stdout for {@code script}, line by line; null without node. */
    public static List<String> stdout(String script) {
        return available() ? run(script).stdout() : null;
    }

    /** node's stdout, stderr and exit code for {@code script}; null without node. */
    public static Result run(String script) {
        if (!available()) {
            return null;
        }
        try {
            Path file = Files.createTempFile("eventide-oracle", ".js");
            Files.writeString(file, script);
            Path err = Files.createTempFile("eventide-oracle", ".err");
            Process p = new ProcessBuilder("node", file.toString()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("node did not finish: " + script);
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(file);
            Files.deleteIfExists(err);
            return new Result(out.lines().toList(), stderr, p.exitValue());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts that node prints exactly {@code expected} for {@code script} (skipped without node). */
    public static void assertNodePrints(String script, List<String> expected) {
        List<String> actual = stdout(script);
        if (actual != null) {
            assertThat(actual).as("node's trace for:\n" + script).containsExactlyElementsOf(expected);
        }
    }

    /** One node run. */
    public record Result(List<String> stdout, String stderr, int exitCode) {}
}
