package dev.eventide.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of compiling a source program: its class files by binary name, the class to
 * launch, and every source file the compile read (for the cache to check next time).
 * Immutable; made and read on the main thread.
 *
 * @param mainClass binary name of the first top-level class of the launched file
 * @param classes class-file bytes by binary name
 * @param sources the sibling source files the compile read, with their SHA-256, launched file excluded
 */
record CompiledProgram(String mainClass, Map<String, byte[]> classes, List<SourceDigest> sources) {

    /** One source file and the SHA-256 of its content when it was compiled. */
    record SourceDigest(Path path, String sha256) {}
}
