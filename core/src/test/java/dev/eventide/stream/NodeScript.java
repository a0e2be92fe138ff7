package dev.eventide.stream;

import dev.eventide.loop.NodeOracle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JavaScript scenarios beside the stream tests (test resources): loads one and, when node is
 * installed, checks that node prints the trace a test expects. Test threads only.
 */
final class NodeScript {
    private NodeScript() {}

    static String load(String name) {
        try (InputStream in = NodeScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts node prints {@code expected} for the scenario {@code name} (skipped without node). */
    static void assertNodePrints(String name, List<String> expected) {
        NodeOracle.assertNodePrints(load(name), expected);
    }
}
