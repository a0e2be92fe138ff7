package dev.eventide.brotli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs JavaScript under the installed {@code node} for the tests to compare with; a caller is
 * skipped (not failed) when node is absent. Called from the test thread only.
 */
final class NodeOracle {
    private static Boolean node;

    private NodeOracle() {}

    static void assumeNode() {
        if (node == null) {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                node = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                node = false;
            }
        }
        assumeTrue(node, "node is not installed; skipping the comparison with Node");
    }

    /** Runs {@code script} with {@code stdin} as its input; returns its stdout bytes. */
    static byte[] run(String script, byte[] stdin) throws IOException, InterruptedException {
        assumeNode();
        Path file = Files.createTempFile("eventide-brotli-", ".js");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("node", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread feeder = Thread.ofVirtual().start(() -> {
                try (var in = p.getOutputStream()) {
                    in.write(stdin == null ? new byte[0] : stdin);
                } catch (IOException ignored) {
                    // node exited early; its exit code tells the story
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            feeder.join();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("node failed (exit " + p.exitValue() + ") running:\n" + script);
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** stdout as UTF-8 text. */
    static String text(String script, byte[] stdin) throws IOException, InterruptedException {
        return new String(run(script, stdin), StandardCharsets.UTF_8);
    }
}
