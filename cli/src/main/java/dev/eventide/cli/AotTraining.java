package dev.eventide.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload that bin/eventide runs under {@code -XX:AOTCacheOutput} to build the JVM's
 * ahead-of-time caches (JEP 483/514/515). Runs on the main thread of the training JVM; says
 * nothing unless a part fails (one line on stderr, which bin/eventide keeps in training.log).
 *
 * <p>Given a scratch folder, it runs two programs through a launcher of its own, each twice,
 * with the compile cache in that folder, as a user runs them: a two-file program importing
 * module dev.eventide, then, when the web module is on the module path and the part asked for
 * is not "core", WebTraining.java (a resource of this module): a web service on 127.0.0.1 port
 * 0 driven by real requests, so that Jackson, the router and the middleware are loaded and
 * linked from the cache instead of during a service's first request. The first run of each in
 * a fresh folder compiles (javac's classes go into the "full" AOT cache); the JVMs that make
 * the "warm" and "web" caches reuse the folder, so their runs only hit the compile cache. The
 * launcher reaches the web layer through a compiled script, as users do, so this module needs
 * no dependency on it.
 */
final class AotTraining {
    private AotTraining() {}

    /** How long the whole workload may take before the JVM is halted (it takes seconds). */
    static final long DEADLINE_MILLIS = 120_000;
    /** The part argument that leaves the web layer out (for the "warm" cache). */
    static final String CORE_ONLY = "core";
    /** The JVM's exit status when the deadline passes. */
    static final int TIMED_OUT = 3;

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

    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>training</title></head><body><h1>Eventide</h1></body></html>\n";

    static int run(Launcher parent, List<String> args) {
        if (args.isEmpty() || args.size() > 2 || args.size() == 2 && !args.get(1).equals(CORE_ONLY)) {
            throw new Options.UsageException("--aot-training needs a scratch folder, then optionally " + CORE_ONLY);
        }
        startDeadline(parent.err());
        try {
            Path dir = Path.of(args.getFirst());
            Files.createDirectories(dir);
            if (runTwice(parent, dir, coreProgram(dir), Map.of()) != 0) {
                return fail(parent, "the core program failed");
            }
            if (args.size() == 2) {
                return 0;
            }
            if (!webLayerPresent()) {
                parent.debug("AOT training: no dev.eventide.web module on the module path, web layer not trained");
                return 0;
            }
            // The service's first requests are what the cache is for, not a stalled loop to report.
            if (runTwice(parent, dir, webProgram(dir.resolve("web")), Map.of("EVENTIDE_WATCHDOG", "0")) != 0) {
                return fail(parent, "the web service (WebTraining.java) failed; its error is above");
            }
            return 0;
        } catch (IOException e) {
            return fail(parent, e.toString());
        }
    }

    static boolean webLayerPresent() {
        return ModuleLayer.boot().findModule("dev.eventide.web").isPresent();
    }

    private static Path coreProgram(Path dir) throws IOException {
        Path script = dir.resolve("training.java");
        if (!Files.exists(script)) {
            Files.writeString(script, MAIN);
            Files.writeString(dir.resolve("Helper.java"), HELPER);
        }
        return script;
    }

    private static Path webProgram(Path dir) throws IOException {
        Path script = dir.resolve("WebTraining.java");
        if (!Files.exists(script)) {
            Files.createDirectories(dir.resolve("public"));
            Files.writeString(dir.resolve("public/index.html"), PAGE);
            try (InputStream source = AotTraining.class.getResourceAsStream("WebTraining.java")) {
                if (source == null) {
                    throw new IOException("WebTraining.java is missing from " + AotTraining.class.getModule());
                }
                Files.write(script, source.readAllBytes());
            }
        }
        return script;
    }

    /** Runs the script twice in this JVM with the compile cache in the scratch folder. */
    private static int runTwice(Launcher parent, Path dir, Path script, Map<String, String> extraEnv) {
        var env = new HashMap<>(parent.env());
        env.put("EVENTIDE_CACHE_DIR", dir.resolve("cache").toString());
        env.remove("EVENTIDE_DEBUG");
        env.remove("EVENTIDE_AOT_HINT");
        env.putAll(extraEnv);
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var launcher = new Launcher(env, quiet, quiet);
        int first = launcher.run(List.of(script.toString(), "a"));
        int second = launcher.run(List.of(script.toString(), "a", "b"));
        return first == 0 && second == 0 ? 0 : 1;
    }

    private static int fail(Launcher parent, String why) {
        parent.err().println("eventide: AOT training failed: " + why);
        return 1;
    }

    /**
     * A training that hangs (a request never answered) must not hold bin/eventide's training
     * lock for long: past the deadline the JVM halts with TIMED_OUT, and no cache is installed.
     */
    private static void startDeadline(PrintStream err) {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            err.println("eventide: AOT training failed: not done after " + DEADLINE_MILLIS / 1000 + " s");
            err.flush();
            Runtime.getRuntime().halt(TIMED_OUT);
        }, "eventide-aot-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }
}
