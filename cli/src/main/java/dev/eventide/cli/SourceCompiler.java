package dev.eventide.cli;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a source program in memory with javac, as {@code java App.java} does (JEP 330 and
 * JEP 458), with Eventide on the module path so that {@code import module dev.eventide;}
 * resolves. Other classes of the program are found on demand in the launched file's package
 * tree and compiled too. Runs on the main thread before the loop starts.
 */
final class SourceCompiler {

    /** How many compiles this JVM ran; tests read it to prove a cache hit skipped javac. */
    static final AtomicInteger COMPILATIONS = new AtomicInteger();

    private final List<Path> eventideModules;
    private final String classPath;

    /**
     * @param eventideModules the jars or folders of Eventide's modules, for javac's module path
     * @param classPath the user's -cp value, or null
     */
    SourceCompiler(List<Path> eventideModules, String classPath) {
        this.eventideModules = eventideModules;
        this.classPath = classPath;
    }

    /**
     * Compiles {@code file}, whose content is {@code text}; prints diagnostics in javac's
     * format to {@code err} and returns null when there are errors.
     */
    CompiledProgram compile(Path file, String shownName, String text, PrintWriter err) {
        COMPILATIONS.incrementAndGet();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        try (var files = new MemoryFiles(standard)) {
            standard.setLocationFromPaths(StandardLocation.MODULE_PATH, eventideModules);
            Path root = SourceLayout.packageRoot(file, text);
            if (root != null) {
                standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(root));
            }
            var main = new MemoryFiles.SourceText(file, shownName, SourceLayout.blankShebang(text));
            var task = (JavacTask) javac.getTask(err, files, null, options(), null, List.of(main));
            var watcher = new Watcher(main);
            task.addTaskListener(watcher);
            boolean ok = task.call();
            err.flush();
            if (!ok || watcher.mainClass == null) {
                return null;
            }
            return new CompiledProgram(watcher.mainClass, files.classes(), digests(watcher.sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> options() {
        // -g: local variable tables too, so a debugger attached with --inspect shows locals
        // (javac's default keeps only lines and source names); one compile serves both runs.
        List<String> options = new ArrayList<>(List.of(
                "-g", "-proc:none", "-implicit:class", "-Xlint:deprecation", "-Xlint:unchecked",
                "-Xlint:-options",
                "--add-modules", "ALL-MODULE-PATH"));
        if (classPath != null) {
            options.addAll(List.of("--class-path", classPath));
        }
        return options;
    }

    private static List<CompiledProgram.SourceDigest> digests(List<Path> sources) throws IOException {
        List<CompiledProgram.SourceDigest> digests = new ArrayList<>();
        for (Path source : sources) {
            digests.add(new CompiledProgram.SourceDigest(source, Hashing.sha256(Files.readAllBytes(source))));
        }
        return digests;
    }

    /** Learns the launched class and the sibling files read, from javac's parse events. */
    private static final class Watcher implements TaskListener {
        private final JavaFileObject main;
        final List<Path> sources = new ArrayList<>();
        String mainClass;

        Watcher(JavaFileObject main) {
            this.main = main;
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() != TaskEvent.Kind.PARSE) {
                return;
            }
            // javac hands back its own wrapper of our file object, so compare by URI.
            if (!event.getSourceFile().toUri().equals(main.toUri())) {
                sources.add(Path.of(event.getSourceFile().toUri()));
                return;
            }
            mainClass = firstClass(event.getCompilationUnit());
        }

        private static String firstClass(CompilationUnitTree unit) {
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
            for (var decl : unit.getTypeDecls()) {
                if (decl instanceof ClassTree type) {
                    return pkg + type.getSimpleName();
                }
            }
            return null;
        }
    }
}
