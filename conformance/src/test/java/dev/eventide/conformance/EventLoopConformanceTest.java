package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Event-loop conformance: every Java port in {@code conformance/eventloop/} must print exactly
 * the trace node printed for its scenario, and end with node's exit code. Three groups: the
 * port run in-process inside EventLoop.run, node re-run on the scenario (the recorded trace still
 * holds), and the port run through {@code bin/eventide}. Scenarios come from
 * ../shared/conformance/eventloop (ports only here) and from our own folder (.js, .expected,
 * .java, optional .exitcode). In-process ports run one at a time on the JUnit thread; launcher
 * runs, separate processes, run two at a time.
 */
class EventLoopConformanceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** For the launcher's first run, which may build the jars. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static boolean launcherReady;
    /** Why the launcher could not be prepared, once that has been found out. */
    private static String launcherProblem;
    /** Scenarios with no single trace: each listed token must appear exactly once, nothing else. */
    private static final Map<String, List<String>> NONDETERMINISTIC =
            Map.of("timers-timeout-vs-immediate-main", List.of("timeout", "immediate"));

    /** One scenario: its port, and where its .js/.expected live (shared or ours). */
    private record Scenario(String name, Path port, boolean shared) {
        Path dir() {
            return shared ? SharedCorpus.require("eventloop") : port.getParent();
        }

        Path file(String extension) {
            return dir().resolve(name + extension);
        }

        /** The exit code node ends with: 0, or what NAME.exitcode says (our scenarios only). */
        int exitCode() throws IOException {
            Path f = port.resolveSibling(name + ".exitcode");
            return !shared && Files.exists(f) ? Integer.parseInt(Files.readString(f).trim()) : 0;
        }
    }

    @TestFactory
    Stream<DynamicNode> eventLoopScenarios() throws IOException {
        List<Scenario> scenarios = scenarios();
        assertThat(scenarios).as("ports in " + portDir()).isNotEmpty();
        return Stream.of(
                dynamicContainer("in-process", scenarios.stream()
                        .map(s -> dynamicTest("in-process " + s.name(), s.port().toUri(), () -> runInProcess(s)))),
                dynamicContainer("node", scenarios.stream()
                        .filter(s -> !NONDETERMINISTIC.containsKey(s.name()))
                        .map(s -> dynamicTest("node " + s.name(), () -> runNode(s)))),
                dynamicContainer("launcher", scenarios.stream()
                        .map(s -> dynamicTest("launcher " + s.name(), s.port().toUri(), () -> runLauncher(s)))));
    }

    static Path portDir() {
        return SharedCorpus.repoRoot().resolve("conformance").resolve("eventloop");
    }

    /** Every NAME.java in our folder; it is one of ours when NAME.js sits beside it. */
    private static List<Scenario> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(portDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .sorted()
                    .map(p -> {
                        String name = p.getFileName().toString().replaceFirst("\\.java$", "");
                        return new Scenario(name, p, !Files.exists(p.resolveSibling(name + ".js")));
                    })
                    .toList();
        }
    }

    private void runInProcess(Scenario s) throws Exception {
        Expected want = expected(s);
        PortRunner.Result got = PortRunner.run(PortRunner.compile(s.port()), TIMEOUT);
        check(s, want, got.lines(), got.exitCode(), got.stderr());
    }

    private void runNode(Scenario s) throws Exception {
        assumeTrue(onPath("node"), "skipped: node is not on PATH");
        Expected want = expected(s);
        Path js = s.file(".js");
        Run got = Run.of(List.of("node", js.getFileName().toString()), js.getParent(), TIMEOUT, Map.of());
        check(s, want, got.stdout().lines().toList(), got.exitCode(), got.stderr());
    }

    private void runLauncher(Scenario s) throws Exception {
        Path root = SharedCorpus.repoRoot();
        Path launcher = root.resolve("bin").resolve("eventide");
        assumeTrue(Files.isExecutable(launcher),
                "skipped: the launcher " + launcher + " does not exist yet (it is being written in cli/)");
        Expected want = expected(s);
        prepareLauncher(launcher, root);
        Run got;
        try {
            got = launcherRuns(launcher, root).get(s.name()).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        }
        check(s, want, got.stdout().lines().toList(), got.exitCode(), got.stderr());
    }

    /** The launcher runs, started together on first use, LAUNCHER_PARALLELISM at a time. */
    private static Map<String, java.util.concurrent.CompletableFuture<Run>> launcherFutures;

    /**
     * Each launcher run is a fresh JVM that compiles its port, mostly waiting on one core; two at
     * a time keep both cores of the CI machine busy and halve the group's time. Every run still
     * has its own time limit, and each test checks only its own run.
     */
    private static final int LAUNCHER_PARALLELISM = 2;

    private static synchronized Map<String, java.util.concurrent.CompletableFuture<Run>> launcherRuns(
            Path launcher, Path root) throws IOException {
        if (launcherFutures == null) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(LAUNCHER_PARALLELISM, r -> {
                Thread t = new Thread(r, "conformance-launcher");
                t.setDaemon(true);
                return t;
            });
            Map<String, java.util.concurrent.CompletableFuture<Run>> runs = new java.util.LinkedHashMap<>();
            for (Scenario sc : scenarios()) {
                Path relative = root.relativize(sc.port());
                runs.put(sc.name(), java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Run.of(List.of(launcher.toString(), relative.toString()), root, TIMEOUT, pinnedJars(root));
                    } catch (IOException | InterruptedException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, pool));
            }
            pool.shutdown();
            launcherFutures = runs;
        }
        return launcherFutures;
    }

    /**
     * The jars the warm-up run built or checked: later runs use them as they are (the launcher's
     * EVENTIDE_MODULE_PATH), so an edit elsewhere in the tree cannot start a rebuild inside one
     * scenario's time budget.
     */
    private static Map<String, String> pinnedJars(Path root) {
        return Map.of("EVENTIDE_MODULE_PATH", root.resolve("core/target/eventide-core.jar") + java.io.File.pathSeparator
                + root.resolve("cli/target/eventide-cli.jar"));
    }

    /**
     * The first launch may build Eventide's jars (a Maven build of minutes), which the 60 s
     * budget of one scenario must not pay: one {@code bin/eventide --version} does it first.
     */
    private static synchronized void prepareLauncher(Path launcher, Path root) throws Exception {
        if (launcherProblem == null && !launcherReady) {
            try {
                Run version = Run.of(List.of(launcher.toString(), "--version"), root, BUILD_TIMEOUT, Map.of());
                if (version.exitCode() != 0) {
                    launcherProblem = "bin/eventide --version exited with " + version.exitCode()
                            + "\nstderr:\n" + version.stderr();
                }
            } catch (AssertionError e) {
                launcherProblem = e.getMessage();
            }
            launcherReady = launcherProblem == null;
        }
        // Fail every launcher test fast with the first problem, rather than rebuild each time.
        assertThat(launcherProblem).as("preparing the launcher").isNull();
    }

    /** The recorded trace (null for a nondeterministic scenario) and node's exit code. */
    private record Expected(List<String> lines, int exitCode) {}

    private static Expected expected(Scenario s) throws IOException {
        if (NONDETERMINISTIC.containsKey(s.name())) {
            s.dir(); // a shared scenario still skips when ../shared is absent
            return new Expected(null, s.exitCode());
        }
        Path file = s.file(".expected");
        assertThat(file).as("trace recorded for " + s.name()).exists();
        return new Expected(Files.readAllLines(file, StandardCharsets.UTF_8), s.exitCode());
    }

    private static void check(Scenario s, Expected want, List<String> lines, int exitCode, String stderr) {
        if (want.lines() == null) {
            List<String> tokens = NONDETERMINISTIC.get(s.name());
            assertThat(lines).as(s.name() + " (either order)\nstderr:\n" + stderr)
                    .containsExactlyInAnyOrderElementsOf(tokens);
        } else {
            assertThat(lines).as(s.name() + " trace\nstderr:\n" + stderr).containsExactlyElementsOf(want.lines());
        }
        assertThat(exitCode).as(s.name() + " exit code\nstderr:\n" + stderr).isEqualTo(want.exitCode());
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A finished subprocess: its stdout, stderr and exit code. On timeout it gets SIGTERM first
     * (so bin/eventide's traps release its build lock), then SIGKILL.
     */
    private record Run(String stdout, String stderr, int exitCode) {
        static Run of(List<String> command, Path cwd, Duration timeout, Map<String, String> env)
                throws IOException, InterruptedException {
            Path out = Files.createTempFile("eventide-conformance", ".out");
            Path err = Files.createTempFile("eventide-conformance", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                // No background AOT-cache training left running after the test: it is a start-up
                // optimisation, not part of the semantics checked here.
                pb.environment().put("EVENTIDE_AOT", "0");
                pb.environment().putAll(env);
                java.lang.Process p = pb.start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    stop(p);
                    throw new AssertionError(command + " did not finish within " + timeout + "; stdout so far:\n"
                            + Files.readString(out) + "\nstderr so far:\n" + Files.readString(err));
                }
                return new Run(Files.readString(out), Files.readString(err), p.exitValue());
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        private static void stop(java.lang.Process p) throws InterruptedException {
            List<ProcessHandle> tree = Stream.concat(p.descendants(), Stream.of(p.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                p.waitFor();
            }
        }
    }
}
