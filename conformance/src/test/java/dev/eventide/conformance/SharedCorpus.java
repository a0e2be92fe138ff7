package dev.eventide.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/conformance; tests that need it skip with a clear message when it is absent. */
final class SharedCorpus {
    private SharedCorpus() {}

    /** The repository root (where pom.xml and bin/ live). */
    static Path repoRoot() {
        String root = System.getProperty("eventide.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return p.toAbsolutePath().normalize();
    }

    /** {@code ../shared/conformance/<name>}, or a JUnit skip when ../shared is not there (a user's machine). */
    static Path require(String name) {
        String shared = System.getProperty("eventide.shared");
        Path base = shared != null ? Path.of(shared) : repoRoot().resolveSibling("shared");
        Path dir = base.resolve("conformance").resolve(name).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir),
                "skipped: shared conformance corpus not found at " + dir + " (../shared is absent on a user's machine)");
        return dir;
    }
}
