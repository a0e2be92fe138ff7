package dev.eventide.zlib;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs the zlib tests compare against: a JavaScript file under the installed
 * {@code node}, or a command such as {@code gzip -d}. Callers are skipped (not failed) when the
 * program is absent. Called from the test thread only.
 */
final class NodeOracle {
    private static Boolean node;

    private NodeOracle() {}

    /** Skips the calling test unless {@code node --version} runs. */
    static void assumeNode() {
        if (node == null) {
            node = runs("node", "--version");
        }
        assumeTrue(node, "node is not installed; skipping the comparison with Node");
    }

    /** Skips the calling test unless {@code program --version} runs. */
    static void assumeProgram(String program) {
        assumeTrue(runs(program, "--version"), program + " is not installed; skipping");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Writes {@code script} to a temporary file, runs it under node and returns its stdout lines. */
    static List<String> run(String script) throws IOException, InterruptedException {
        assumeNode();
        Path file = Files.createTempFile("eventide-zlib-", ".js");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            return new String(exec(null, "node", file.toString()), StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@code command} with {@code stdin} as its input and returns its stdout. */
    static byte[] exec(byte[] stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException ignored) {
                // the program exited early; its exit code tells the story
            }
        });
        Thread drainErr = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(System.err);
            } catch (IOException ignored) {
                // nothing to report
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        feeder.join();
        drainErr.join();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with " + p.exitValue());
        }
        return out;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
