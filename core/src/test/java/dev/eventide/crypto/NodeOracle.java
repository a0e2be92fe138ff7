package dev.eventide.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs JavaScript under the installed {@code node} for the crypto tests to compare with; callers
 * are skipped (not failed) when node is absent. Called from the test thread only.
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

    /** Runs {@code script} under node (with {@code crypto} required) and returns its stdout lines. */
    static List<String> run(String script) throws IOException, InterruptedException {
        assumeNode();
        Path file = Files.createTempFile("eventide-crypto-", ".js");
        try {
            Files.writeString(file, "'use strict';\nconst crypto = require('crypto');\n" + script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("node", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("node failed on:\n" + script);
            }
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
