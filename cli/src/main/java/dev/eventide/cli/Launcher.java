package dev.eventide.cli;

import dev.eventide.diagnostics.BlockedLoopWatchdog;
import dev.eventide.loop.EventLoop;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/eventide} does once the JVM is up: parse the flags, get the program's
 * classes (from the compile cache, else by compiling in memory, or from -cp), and run its
 * main as the first task of {@link EventLoop#run(List, Runnable)}, returning the exit code.
 * Runs on the main thread, which becomes the loop thread; never calls System.exit.
 */
final class Launcher {
    /** Node's exit code for a bad command-line option. */
    static final int INVALID_ARGUMENT = 9;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        try {
            Options options = Options.parse(argv);
            return switch (options.mode()) {
                case VERSION -> print("v" + version());
                case HELP -> print(Options.USAGE);
                case AOT_TRAINING -> AotTraining.run(this, options.args());
                case SCRIPT -> runScript(options);
                case CLASS -> runClass(options);
            };
        } catch (Options.UsageException e) {
            err.println("eventide: " + e.getMessage());
            return INVALID_ARGUMENT;
        } catch (MainMethods.LaunchException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int runScript(Options options) {
        Path file = Path.of(options.target()).toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("Error: Cannot find module '" + file + "'");
            return 1;
        } catch (IOException e) {
            err.println("Error: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        CompiledProgram program = compiled(file, options, bytes);
        if (program == null) {
            err.println("error: compilation failed");
            return 1;
        }
        markCompiled(program.usesWebLayer());
        var loader = new MemoryClassLoader(program.classes(), userLoader(options.classPath()));
        return launch(loadClass(program.mainClass(), loader), file.toString(), options.args());
    }

    private CompiledProgram compiled(Path file, Options options, byte[] bytes) {
        var cache = new CompileCache(CompileCache.folder(env).resolve("compiled"));
        String key = CompileCache.key(eventideBuild(), file, options.classPath(), bytes);
        try {
            CompiledProgram cached = cache.load(key);
            if (cached != null) {
                debug("cache hit " + key);
                return cached;
            }
        } catch (IOException e) {
            debug("cache unreadable: " + e);
        }
        debug("cache miss " + key + ", compiling " + file);
        long start = System.nanoTime();
        var diagnostics = new PrintWriter(err, true, StandardCharsets.UTF_8);
        var compiler = new SourceCompiler(eventideModules(), options.classPath());
        CompiledProgram program = compiler.compile(file, options.target(), new String(bytes, StandardCharsets.UTF_8), diagnostics);
        debug("compiled in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (program != null) {
            try {
                cache.store(key, program);
            } catch (IOException e) {
                debug("cache not written: " + e);
            }
        }
        return program;
    }

    /**
     * Writes the file bin/eventide named in EVENTIDE_AOT_HINT, telling its next run that this
     * script's compiled form is cached, so that it may start the JVM from a warm-path AOT cache
     * (which lacks javac's classes): the one trained with the web layer if the file says "web",
     * else the smaller one. Only a hint: the cache key decides whether to compile.
     */
    private void markCompiled(boolean web) {
        String hint = env.get("EVENTIDE_AOT_HINT");
        if (hint == null || hint.isEmpty()) {
            return;
        }
        try {
            Path marker = Path.of(hint);
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, web ? "web\n" : "");
        } catch (IOException | RuntimeException e) {
            debug("AOT hint not written: " + e);
        }
    }

    private int runClass(Options options) {
        ClassLoader loader = userLoader(options.classPath());
        Class<?> type;
        try {
            type = Class.forName(options.target(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            err.println("Error: Could not find or load main class " + options.target());
            err.println("Caused by: " + e);
            return 1;
        }
        return launch(type, options.target(), options.args());
    }

    private int launch(Class<?> type, String script, List<String> args) {
        Runnable main = MainMethods.entryPoint(type, args.toArray(String[]::new));
        List<String> argv = new ArrayList<>(args.size() + 2);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add(script);
        argv.addAll(args);
        Thread.currentThread().setContextClassLoader(type.getClassLoader());
        try {
            return EventLoop.run(List.copyOf(argv), withWatchdog(main));
        } catch (Throwable t) {
            // The loop reports the program's uncaught errors itself; this is the fallback
            // for one that escapes it, printed as the java launcher prints it.
            err.print("Exception in thread \"" + Thread.currentThread().getName() + "\" ");
            t.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Starts the blocked-loop watchdog (100 ms unless EVENTIDE_WATCHDOG says another number of
     * ms, or 0 for none) inside the loop, once main has returned. The main script is start-up
     * work, as Node's top-level code and require() are: loading a library's classes for the
     * first time (Jackson's take ~0.3 s) is not a stalled service, and warning about it taught
     * users to ignore the warning. Every callback after main is watched.
     */
    private Runnable withWatchdog(Runnable main) {
        String setting = env.get("EVENTIDE_WATCHDOG");
        if ("0".equals(setting)) {
            return main;
        }
        return () -> {
            main.run();
            BlockedLoopWatchdog.startFromEnvironment(EventLoop.current(), setting);
        };
    }

    private static Class<?> loadClass(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new MainMethods.LaunchException("compiled program has no class " + name);
        }
    }

    private static ClassLoader userLoader(String classPath) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        if (classPath == null || classPath.isEmpty()) {
            return app;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new Options.UsageException("bad class path entry: " + entry);
            }
        }
        return new URLClassLoader("eventide-classpath", urls.toArray(URL[]::new), app);
    }

    /** Where Eventide's core module lives (a jar, or a classes folder in tests). */
    static Path eventideModule() {
        try {
            return Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The modules a program compiles against: core, and every other module the JVM resolved from
     * its module path (bin/eventide adds them all: the web layer and its libraries), so that what
     * javac sees is what the program will run with.
     */
    static List<Path> eventideModules() {
        Path core = eventideModule();
        // Sorted: the boot layer's set has no stable order, and this list is part of the
        // compile cache's key (an unstable order made every run a cache miss).
        List<Path> others = ModuleLayer.boot().configuration().modules().stream()
                .flatMap(module -> module.reference().location().stream())
                .filter(uri -> uri.getScheme().equals("file"))
                .map(Path::of)
                .filter(path -> !path.equals(core))
                .sorted()
                .toList();
        List<Path> paths = new ArrayList<>(List.of(core));
        paths.addAll(others);
        return paths;
    }

    /**
     * Identifies the Eventide build that compiled code links against: version, and the modules'
     * paths and times (a rebuilt web jar must not reuse classes compiled against the old one).
     */
    private static String eventideBuild() {
        StringBuilder key = new StringBuilder(version());
        for (Path module : eventideModules()) {
            long modified;
            try {
                modified = Files.getLastModifiedTime(Files.isDirectory(module) ? module.resolve("module-info.class") : module).toMillis();
            } catch (IOException e) {
                modified = 0;
            }
            key.append('@').append(module).append('@').append(modified);
        }
        return key.toString();
    }

    static String version() {
        return Launcher.class.getModule().getDescriptor() == null ? "dev"
                : Launcher.class.getModule().getDescriptor().rawVersion().orElse("dev");
    }

    private int print(String text) {
        out.println(text.strip());
        return 0;
    }

    void debug(String message) {
        String flag = env.get("EVENTIDE_DEBUG");
        if (flag != null && !flag.isEmpty() && !flag.equals("0")) {
            err.println("eventide: " + message);
        }
    }

    Map<String, String> env() {
        return env;
    }

    PrintStream err() {
        return err;
    }
}
