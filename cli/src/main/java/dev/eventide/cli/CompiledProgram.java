package dev.eventide.cli;

import java.nio.charset.StandardCharsets;
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

    /**
     * True if a class of the program names a type of the web layer (its constant pool holds
     * "dev/eventide/web/"): bin/eventide then starts it from the AOT cache trained with the web
     * layer. A scan of a few KB per class; only a hint for picking a cache.
     */
    boolean usesWebLayer() {
        byte[] needle = "dev/eventide/web/".getBytes(StandardCharsets.US_ASCII);
        for (byte[] bytes : classes.values()) {
            if (contains(bytes, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** One source file and the SHA-256 of its content when it was compiled. */
    record SourceDigest(Path path, String sha256) {}
}
