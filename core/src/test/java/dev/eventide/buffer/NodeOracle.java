package dev.eventide.buffer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JavaScript program under the installed {@code node} and returns what it prints, so
 * that tests can compare Eventide with Node itself. Tests that use it are skipped (not failed)
 * when node is absent. Called from the test thread only.
 */
final class NodeOracle {
    private static Boolean available;

    private NodeOracle() {}

    /** Skips the calling test unless {@code node --version} runs. */
    static void assumeNode() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        assumeTrue(available, "node is not installed; skipping the comparison with Node");
    }

    /** Writes {@code script} to a temporary file, runs it and returns its stdout lines. */
    static List<String> run(String script) throws IOException, InterruptedException {
        assumeNode();
        Path file = Files.createTempFile("eventide-buffer-", ".js");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("node", file.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("node failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A JS string literal for {@code s} (every non-ASCII unit escaped, lone surrogates kept). */
    static String js(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** Lowercase hex of all bytes, the common currency between the two sides. */
    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** Escapes a Java string the way the scripts print strings: every unit as 4 hex digits. */
    static String units(String s) {
        StringBuilder out = new StringBuilder(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            out.append(String.format("%04x", (int) s.charAt(i)));
        }
        return out.toString();
    }

    /** The JS function that prints a string as {@link #units} does, for use in scripts. */
    static final String UNITS_JS = "const units = (s) => { let o = ''; for (let i = 0; i < s.length; i++) "
            + "o += s.charCodeAt(i).toString(16).padStart(4, '0'); return o; };\n";
}
