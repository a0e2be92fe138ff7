package dev.eventide.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled programs on disk, keyed by content, as Node keeps a compile cache: an entry is one
 * file {@code <dir>/<sha256>.bin} holding the class files, the launched class name and the
 * SHA-256 of every sibling source the compile read. The key covers the launched file's bytes
 * and path, the -cp value, Eventide's build and the JDK's version; the siblings are checked
 * on load, so editing any of them recompiles. Used on the main thread; concurrent launchers
 * are safe because entries are written to a temporary file and renamed into place.
 */
final class CompileCache {
    private static final int MAGIC = 0x45564331; // "EVC1"

    private final Path dir;

    CompileCache(Path dir) {
        this.dir = dir;
    }

    /** The folder the cache uses: $EVENTIDE_CACHE_DIR, else $XDG_CACHE_HOME/eventide, else ~/.cache/eventide. */
    static Path folder(Map<String, String> env) {
        String own = env.get("EVENTIDE_CACHE_DIR");
        if (own != null && !own.isEmpty()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("eventide");
    }

    static String key(String eventideBuild, Path file, String classPath, byte[] source) {
        var sha = new Hashing();
        // java.runtime.version, not Runtime.version(): parsing the latter costs 1-2 ms at start-up.
        for (String part : List.of("eventide-compile-v1", eventideBuild, System.getProperty("java.runtime.version"),
                file.toString(), String.valueOf(classPath))) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update(new byte[1]);
        }
        return sha.update(source).hex();
    }

    /** The entry for {@code key}, or null if there is none or a sibling source changed. */
    CompiledProgram load(String key) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry(key))))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String mainClass = in.readUTF();
            List<CompiledProgram.SourceDigest> sources = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                var digest = new CompiledProgram.SourceDigest(Path.of(in.readUTF()), in.readUTF());
                if (!unchanged(digest)) {
                    return null;
                }
                sources.add(digest);
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String name = in.readUTF();
                classes.put(name, in.readNBytes(in.readInt()));
            }
            return new CompiledProgram(mainClass, classes, sources);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void store(String key, CompiledProgram program) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, key, ".tmp");
        try {
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(program.mainClass());
                out.writeInt(program.sources().size());
                for (var source : program.sources()) {
                    out.writeUTF(source.path().toString());
                    out.writeUTF(source.sha256());
                }
                out.writeInt(program.classes().size());
                for (var entry : program.classes().entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    out.write(entry.getValue());
                }
            }
            Files.move(temp, entry(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path entry(String key) {
        return dir.resolve(key + ".bin");
    }

    private static boolean unchanged(CompiledProgram.SourceDigest digest) {
        try {
            return Hashing.sha256(Files.readAllBytes(digest.path())).equals(digest.sha256());
        } catch (IOException e) {
            return false;
        }
    }
}
