package dev.eventide.fs;

import dev.eventide.errors.SystemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.loop.NodeOracle;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Permission denied, which root never sees: the calls run in a child JVM as user {@code nobody}
 * (through setpriv) on files that root made unreadable or unwritable, and node run the same way
 * is the oracle. Skipped, saying why, where setpriv is missing or the tests do not run as root.
 */
class FsPermissionTest {
    static final String[] CASES = {"readFile", "writeFile", "mkdir", "unlink", "access-w", "readdir"};

    /** The child's entry point: runs each case on the tree in args[0] and prints code|syscall|message. */
    public static void main(String[] args) {
        String d = args[0];
        for (String c : CASES) {
            try {
                switch (c) {
                    case "readFile" -> Fs.readFileSync(d + "/secret");
                    case "writeFile" -> Fs.writeFileSync(d + "/readonly", "x");
                    case "mkdir" -> Fs.mkdirSync(d + "/locked/sub");
                    case "unlink" -> Fs.unlinkSync(d + "/locked/file");
                    case "access-w" -> Fs.accessSync(d + "/readonly", Fs.W_OK);
                    default -> Fs.readdirSync(d + "/locked-r");
                }
                System.out.println(c + " | OK");
            } catch (SystemError e) {
                System.out.println(c + " | " + e.code() + " | " + e.errno() + " | " + e.syscall() + " | " + e.getMessage());
            }
        }
    }

    private static final String NODE_SCRIPT = """
            const fs=require('fs'); const d=process.argv[2];
            const cases={readFile:()=>fs.readFileSync(d+'/secret'), writeFile:()=>fs.writeFileSync(d+'/readonly','x'),
              mkdir:()=>fs.mkdirSync(d+'/locked/sub'), unlink:()=>fs.unlinkSync(d+'/locked/file'),
              'access-w':()=>fs.accessSync(d+'/readonly',fs.constants.W_OK), readdir:()=>fs.readdirSync(d+'/locked-r')};
            for (const [c,f] of Object.entries(cases)) { try { f(); console.log(c+' | OK'); }
              catch(e) { console.log([c,e.code,e.errno,e.syscall,e.message].join(' | ')); } }
            """;

    private static boolean canDropToNobody() {
        return "root".equals(System.getProperty("user.name")) && new File("/usr/bin/setpriv").canExecute();
    }

    private static List<String> asNobody(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    /** Only Eventide's classes and these tests: the child needs no library, and nobody cannot read ~/.m2. */
    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void permissionDeniedIsEaccesWithNodesSyscallAndMessage() throws Exception {
        assumeTrue(canDropToNobody(), "needs root and setpriv to run a child as nobody; root bypasses permissions");
        Path d = Files.createTempDirectory("eventide-perm");
        try {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(d.resolve("secret"), "s");
            Files.setPosixFilePermissions(d.resolve("secret"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(d.resolve("readonly"), "r");
            Files.setPosixFilePermissions(d.resolve("readonly"), PosixFilePermissions.fromString("r--r--r--"));
            Files.createDirectories(d.resolve("locked"));
            Files.writeString(d.resolve("locked/file"), "f");
            Files.setPosixFilePermissions(d.resolve("locked"), PosixFilePermissions.fromString("r-xr-xr-x"));
            Files.createDirectories(d.resolve("locked-r"));
            Files.setPosixFilePermissions(d.resolve("locked-r"), PosixFilePermissions.fromString("-wx-wx-wx"));
            String java = ProcessHandle.current().info().command().orElse("java");
            String cp = location(Fs.class) + File.pathSeparator + location(FsPermissionTest.class);
            List<String> ours = asNobody(List.of(java, "-cp", cp,
                    FsPermissionTest.class.getName(), d.toString())).stream().map(l -> l.replace(d.toString(), "D")).toList();
            assertThat(ours).contains(
                    "readFile | EACCES | -13 | open | EACCES: permission denied, open 'D/secret'",
                    "unlink | EACCES | -13 | unlink | EACCES: permission denied, unlink 'D/locked/file'");
            if (NodeOracle.available()) {
                Path js = Files.writeString(d.resolve("perm.js"), NODE_SCRIPT);
                List<String> node = asNobody(List.of("node", js.toString(), d.toString())).stream()
                        .map(l -> l.replace(d.toString(), "D")).toList();
                assertThat(ours).containsExactlyElementsOf(node);
            }
        } finally {
            Files.setPosixFilePermissions(d.resolve("locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(d.resolve("locked-r"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Fs.rmSync(d.toString(), true, true);
        }
    }
}
