package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/eventide --inspect-brk and --prof in subprocesses: a JDI client (the JDK's debugger API,
 * in src/test/resources/jdi, run as a source program) attaches, sets a breakpoint in the script
 * and sees it hit with the script's locals; --prof leaves a JFR file and prints its path.
 */
class InspectTest {
    @TempDir
    Path dir;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ProcessBuilder eventide(String... args) throws URISyntaxException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", EndToEndTest.root().resolve("bin/eventide").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path cli = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        builder.environment().put("EVENTIDE_MODULE_PATH", Launcher.eventideModule() + ":" + cli);
        builder.environment().put("EVENTIDE_CACHE_DIR", dir.resolve("cache").toString());
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aDebuggerAttachedWithJdiStopsAtABreakpointInTheScript() throws Exception {
        Files.writeString(dir.resolve("debugme.java"), """
                void main() {
                    int x = 41;
                    x++;
                    System.out.println("x is " + x);
                }
                """);
        int port = freePort();
        Process app = eventide("--inspect-brk=" + port, "debugme.java")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        Path client = EndToEndTest.root().resolve("cli/src/test/resources/jdi/JdiBreakpoint.java");
        Process jdi = new ProcessBuilder(JAVA, client.toString(), "127.0.0.1", Integer.toString(port), "debugme", "4")
                .redirectErrorStream(true).start();
        String seen = new String(jdi.getInputStream().readAllBytes());
        assertThat(jdi.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).contains("hit debugme:4 main x=42 thread=main");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("x is 42\n");
        assertThat(Files.readString(dir.resolve("err.txt")))
                .contains("Debugger listening on 127.0.0.1:" + port).contains("Waiting for the debugger");
        assertThat(app.exitValue()).isZero();
    }

    @Test
    void profWritesAJfrRecordingAndPrintsItsPath() throws Exception {
        Files.writeString(dir.resolve("work.java"), """
                void main() {
                    long sum = 0;
                    for (int i = 0; i < 50_000_000; i++) { sum += i % 7; }
                    System.out.println("sum " + sum);
                }
                """);
        Process app = eventide("--prof", "work.java")
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(app.exitValue()).as(err).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("sum ");
        var printed = java.util.regex.Pattern.compile("profile written to (\\S+\\.jfr)").matcher(err);
        assertThat(printed.find()).as(err).isTrue();
        Path jfr = Path.of(printed.group(1));
        assertThat(jfr.getParent()).isEqualTo(dir.toRealPath());
        assertThat(jfr.getFileName().toString()).matches("eventide\\.\\d{8}\\.\\d{6}\\.\\d+\\.jfr");
        byte[] magic = new byte[4];
        try (var in = Files.newInputStream(jfr)) {
            assertThat(in.read(magic)).isEqualTo(4);
        }
        assertThat(new String(magic, 0, 3)).isEqualTo("FLR"); // JFR's file magic
    }
}
