package dev.eventide.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * The workload that bin/eventide runs under {@code -XX:AOTCacheOutput} to build the JVM's
 * ahead-of-time caches (JEP 483/514/515). Given a scratch folder, it runs a two-file program
 * that imports module dev.eventide, with the compile cache in that folder: the first run in a
 * fresh folder compiles (javac's classes go into the "full" AOT cache), a later run in the same
 * folder only hits the compile cache (the small "warm" AOT cache). Runs on the main thread
 * of the training JVM and prints nothing.
 */
final class AotTraining {
    private AotTraining() {}

    private static final String MAIN = """
            import module dev.eventide;

            void main(String[] args) {
                if (Helper.greeting(args.length).isEmpty()) {
                    throw new IllegalStateException();
                }
            }
            """;

    private static final String HELPER = """
            class Helper {
                static String greeting(int n) {
                    return "Hello from Eventide " + n;
                }
            }
            """;

    static int run(Launcher parent, List<String> args) {
        if (args.size() != 1) {
            throw new Options.UsageException("--aot-training needs a scratch folder");
        }
        try {
            Path dir = Path.of(args.getFirst());
            Files.createDirectories(dir);
            Path script = dir.resolve("training.java");
            if (!Files.exists(script)) {
                Files.writeString(script, MAIN);
                Files.writeString(dir.resolve("Helper.java"), HELPER);
            }
            var env = new HashMap<>(parent.env());
            env.put("EVENTIDE_CACHE_DIR", dir.resolve("cache").toString());
            env.remove("EVENTIDE_DEBUG");
            env.remove("EVENTIDE_AOT_HINT");
            var quiet = new PrintStream(OutputStream.nullOutputStream());
            var launcher = new Launcher(env, quiet, quiet);
            int first = launcher.run(List.of(script.toString(), "a"));
            int second = launcher.run(List.of(script.toString(), "a", "b"));
            return first == 0 && second == 0 ? 0 : 1;
        } catch (IOException e) {
            parent.debug("AOT training failed: " + e);
            return 1;
        }
    }
}
