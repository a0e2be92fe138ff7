package dev.eventide.conformance;

import dev.eventide.loop.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a compact source file ({@code import module dev.eventide; void main() {...}}) in memory
 * and runs it in-process as a script's main module, inside {@link EventLoop#run}, with System.out
 * and System.err captured. Used by the conformance tests on the JUnit thread; each run gets its
 * own loop thread, and runs must not overlap (they swap the global System.out).
 */
final class PortRunner {
    /** What a port printed and the exit code its loop returned. */
    record Result(String stdout, String stderr, int exitCode) {
        /** The printed tokens, one a line. */
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private PortRunner() {}

    /**
     * Compiles {@code source} with the system compiler (JDK 25), core on the module path so that
     * {@code import module dev.eventide;} resolves; returns the implicit class it declares.
     */
    static Class<?> compile(Path source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests must run on a JDK, not a JRE");
        }
        String name = className(source);
        String code = Files.readString(source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(std);
        List<String> options = List.of("--release", "25", "-proc:none", "-g",
                "--module-path", coreLocation().toString(), "--add-modules", "dev.eventide");
        boolean ok = javac.getTask(null, files, diagnostics, options, null,
                List.of(new SourceFile(name, code))).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("compiling " + source + " failed:\n");
            diagnostics.getDiagnostics().forEach(d -> sb.append(d).append('\n'));
            throw new AssertionError(sb.toString());
        }
        ClassLoader loader = new MemoryClassLoader(files.classes, PortRunner.class.getClassLoader());
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("compiled " + source + " but found no class " + name, e);
        }
    }

    /**
     * The implicit class's name: the file name, with characters a Java name cannot hold
     * ({@code io-phase-order.java}) replaced by '_', as javac takes the class name from the file.
     */
    static String className(Path source) {
        String base = source.getFileName().toString().replaceFirst("\\.java$", "");
        StringBuilder sb = new StringBuilder(base.length() + 1);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** Where dev.eventide's classes are (a jar or an exploded module folder with module-info.class). */
    static Path coreLocation() {
        try {
            return Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the port's {@code main()} as the loop's first task on a fresh thread and waits for the
     * loop to end, at most {@code timeout}; System.out/err are restored whatever happens.
     */
    static Result run(Class<?> port, Duration timeout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        FutureTask<Integer> task = new FutureTask<>(() -> EventLoop.run(() -> invokeMain(port)));
        Thread thread = new Thread(task, "port-" + port.getName());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            thread.start();
            int code = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new AssertionError(port.getName() + " did not finish within " + timeout
                    + "; printed so far:\n" + out.toString(StandardCharsets.UTF_8), e);
        } catch (ExecutionException e) {
            throw new AssertionError(port.getName() + ": EventLoop.run threw\nstderr:\n"
                    + err.toString(StandardCharsets.UTF_8), e.getCause());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** Instantiates the implicit class and calls its instance main(), rethrowing what main threw. */
    private static void invokeMain(Class<?> port) {
        try {
            Constructor<?> ctor = port.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object instance = ctor.newInstance();
            Method main = port.getDeclaredMethod("main");
            main.setAccessible(true);
            main.invoke(instance);
        } catch (InvocationTargetException e) {
            // The loop must see the script's own exception (or ProcessExit), as node would.
            throw sneaky(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call main() of " + port.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** A source file held in memory, named so that javac names the implicit class after it. */
    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(String name, String code) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Collects class files in memory instead of writing them to disk. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

        MemoryFileManager(StandardJavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes; everything else (core, the JDK) comes from the parent. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryClassLoader(Map<String, ByteArrayOutputStream> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }
}
