package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher in-process: compile in memory, the compile cache, multi-file programs, -cp
 * mode, errors and exit codes. Programs report by writing to a file named in their arguments,
 * since they share this JVM's System.out.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        var env = Map.of("EVENTIDE_CACHE_DIR", dir.resolve("cache").toString(), "EVENTIDE_DEBUG", "1");
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Launcher(env, new PrintStream(new ByteArrayOutputStream()), errStream).run(List.of(argv));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("out.txt"));
    }

    private String out() {
        return dir.resolve("out.txt").toString();
    }

    @Test
    void theModulesProgramsCompileAgainstComeInAStableOrderCoreFirst() {
        // They are part of the compile cache's key: a set's iteration order made every run a miss.
        List<Path> modules = Launcher.eventideModules();
        assertThat(modules.get(0)).isEqualTo(Launcher.eventideModule());
        assertThat(modules.subList(1, modules.size())).isSorted().doesNotHaveDuplicates();
        assertThat(Launcher.eventideModules()).isEqualTo(modules);
    }

    @Test
    void compactSourceFileWithImportModuleRunsItsInstanceMain() throws IOException {
        Path app = write("hello.java", """
                import module dev.eventide;

                void main(String[] args) throws Exception {
                    Files.writeString(Path.of(args[0]), "ran with " + EventLoop.class.getSimpleName() + " " + args[1]);
                }
                """);
        assertThat(run(app.toString(), out(), "x")).isZero();
        assertThat(output()).isEqualTo("ran with EventLoop x");
    }

    @Test
    void aFileNameThatIsNotAJavaIdentifierStillRuns() throws IOException {
        Path app = write("timers-unref 2.java", """
                import module dev.eventide;

                void main(String[] args) throws Exception {
                    Files.writeString(Path.of(args[0]), "ran " + getClass().getSimpleName());
                }
                """);
        assertThat(run(app.toString(), out())).as(errText()).isZero();
        assertThat(output()).isEqualTo("ran timers_unref_2");
    }

    @Test
    void compileErrorsInAHyphenatedFileShowTheNameTheUserTyped() throws IOException {
        Path app = write("bad-name.java", "void main() {\n    missing();\n}\n");
        assertThat(run(app.toString())).isEqualTo(1);
        assertThat(errText()).contains("bad-name.java:2: error: cannot find symbol");
    }

    @Test
    void classicStaticMainGetsItsArgumentsEvenInAFileNamedDifferently() throws IOException {
        Path app = write("classic.java", """
                import java.nio.file.*;

                public class Classic {
                    public static void main(String[] args) throws Exception {
                        Files.writeString(Path.of(args[0]), String.join(",", args));
                    }
                }
                """);
        assertThat(run(app.toString(), out(), "a b", "--flag")).isZero();
        assertThat(output()).isEqualTo(out() + ",a b,--flag");
    }

    @Test
    void multiFileProgramCompilesClassesFromItsPackageTree() throws IOException {
        write("src/app/util/Shout.java", "package app.util; public class Shout { public static String up(String s) { return s.toUpperCase(); } }");
        write("src/app/Greeter.java", "package app; class Greeter { static String greet() { return app.util.Shout.up(\"hi from greeter\"); } }");
        Path main = write("src/app/Main.java", """
                package app;
                import java.nio.file.*;
                class Main {
                    public static void main(String[] args) throws Exception {
                        Files.writeString(Path.of(args[0]), Greeter.greet());
                    }
                }
                """);
        write("src/app/Broken.java", "package app; class Broken { not java }");
        assertThat(run(main.toString(), out())).isZero();
        assertThat(output()).isEqualTo("HI FROM GREETER");
    }

    @Test
    void compileErrorsPrintLikeJavacAndExitWithOne() throws IOException {
        Path app = write("bad.java", """
                void main() {
                    int x = "text";
                }
                """);
        assertThat(run(app.toString())).isEqualTo(1);
        assertThat(errText())
                .contains(app + ":2: error: incompatible types: String cannot be converted to int\n"
                        + "    int x = \"text\";\n"
                        + "            ^\n")
                .contains("1 error")
                .contains("error: compilation failed");
    }

    @Test
    void secondRunOfAnUnchangedProgramIsACacheHitWithoutTheCompiler() throws IOException {
        write("Helper.java", "class Helper { static String text() { return \"one\"; } }");
        Path app = write("app.java", "void main(String[] args) throws Exception { Files.writeString(Path.of(args[0]), Helper.text()); }");
        int before = SourceCompiler.COMPILATIONS.get();
        assertThat(run(app.toString(), out())).isZero();
        assertThat(run(app.toString(), out())).isZero();
        assertThat(SourceCompiler.COMPILATIONS.get() - before).isEqualTo(1);
        assertThat(errText()).contains("cache miss").contains("cache hit");
        assertThat(output()).isEqualTo("one");

        write("Helper.java", "class Helper { static String text() { return \"two\"; } }");
        assertThat(run(app.toString(), out())).isZero();
        assertThat(SourceCompiler.COMPILATIONS.get() - before).isEqualTo(2);
        assertThat(output()).isEqualTo("two");
    }

    @Test
    void packagedClassRunsFromAJarWithMinusCp() throws IOException {
        Path src = write("jar-src/com/example/Main.java", """
                package com.example;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), "from jar " + args[1]);
                    }
                }
                """);
        Path classes = dir.resolve("jar-classes");
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(javac).isZero();
        Path jar = dir.resolve("app.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/Main.class"));
            out.write(Files.readAllBytes(classes.resolve("com/example/Main.class")));
        }
        assertThat(run("-cp", jar.toString(), "com.example.Main", out(), "ok")).isZero();
        assertThat(output()).isEqualTo("from jar ok");
    }

    @Test
    void uncaughtExceptionFromMainExitsWithOne() throws IOException {
        Path app = write("throws.java", "void main() { throw new IllegalStateException(\"boom\"); }");
        // The loop prints the stack trace (to the real stderr, as Node does); the code is ours to check.
        assertThat(run(app.toString())).isEqualTo(1);
    }

    /** True once the real loop (with process.exitCode and process.argv) is in core. */
    private static boolean loopHasProcessApi() {
        try {
            dev.eventide.loop.EventLoop.class.getMethod("exitCode", int.class);
            dev.eventide.loop.EventLoop.class.getMethod("argv");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void exitCodeIsWhatTheLoopReturns() throws IOException {
        Assumptions.assumeTrue(loopHasProcessApi(), "EventLoop.exitCode(int) not in core yet");
        Path app = write("code.java", "import module dev.eventide;\nvoid main() { EventLoop.current().exitCode(3); }");
        assertThat(run(app.toString())).isEqualTo(3);
    }

    @Test
    void processArgvIsJavaThenTheAbsoluteScriptThenTheArguments() throws IOException {
        Assumptions.assumeTrue(loopHasProcessApi(), "EventLoop.argv() not in core yet");
        Path app = write("argv.java", """
                import module dev.eventide;
                void main(String[] args) throws Exception {
                    Files.writeString(Path.of(args[0]), String.join("|", EventLoop.current().argv()));
                }
                """);
        assertThat(run(app.toString(), out(), "b")).isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(output()).isEqualTo(java + "|" + app.toAbsolutePath() + "|" + out() + "|b");
    }

    @Test
    void missingFileAndMissingMainAndBadOptionsAreReported() throws IOException {
        assertThat(run(dir.resolve("nope.java").toString())).isEqualTo(1);
        assertThat(errText()).contains("Cannot find module '" + dir.resolve("nope.java") + "'");

        Path noMain = write("nomain.java", "class NoMain { void run() {} }");
        assertThat(run(noMain.toString())).isEqualTo(1);
        assertThat(errText()).contains("error: can't find main(String[]) or main() method in class: NoMain");

        assertThat(run("--nope", noMain.toString())).isEqualTo(Launcher.INVALID_ARGUMENT);
        assertThat(errText()).contains("eventide: bad option: --nope");
    }

    @Test
    void shebangLineIsAllowed() throws IOException {
        Path app = write("script.java", "#!/usr/bin/env eventide\nvoid main(String[] a) throws Exception { Files.writeString(Path.of(a[0]), \"shebang\"); }\n");
        assertThat(run(app.toString(), out())).isZero();
        assertThat(output()).isEqualTo("shebang");
    }
}
