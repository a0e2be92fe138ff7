package dev.eventide.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.EventLoop;
import dev.eventide.promise.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bcrypt: round trips on the pool, the hash format, bad and hostile input, and hashes made by
 * npm's bcryptjs (installed into a temporary folder when node and npm are present; skipped
 * otherwise) verified here, and ours verified by bcryptjs.
 */
class BcryptTest {
    private static <T> T await(Callable<Promise<T>> body) {
        List<T> box = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        int code = EventLoop.run(() -> {
            try {
                body.call().then(v -> box.add(v), e -> {
                    failure[0] = e;
                    return null;
                });
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        assertThat(code).isZero();
        return box.get(0);
    }

    @Test
    void hashesVerifyAndCarryTheirCost() {
        String h = await(() -> Bcrypt.hash("s3cret", 10));
        assertThat(h).matches("\\$2b\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(Bcrypt.cost(h)).isEqualTo(10);
        assertThat(await(() -> Bcrypt.verify("s3cret", h))).isTrue();
        assertThat(await(() -> Bcrypt.verify("s3creT", h))).isFalse();
        assertThat(Bcrypt.verifySync("s3cret", "$2y$" + h.substring(4))).isTrue();
        assertThat(Bcrypt.verifySync("s3cret", "$2a$" + h.substring(4))).isTrue();
    }

    @Test
    void onlyTheFirst72BytesCount() {
        String h = Bcrypt.hashSync("a".repeat(72) + "tail", 4);
        assertThat(Bcrypt.verifySync("a".repeat(72) + "other", h)).isTrue();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Bcrypt.hashSync("pw", 3)).extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_OUT_OF_RANGE");
        assertThatThrownBy(() -> Bcrypt.verifySync("pw", "$2x$10$abc")).extracting(e -> ((NodeError) e).code())
                .isEqualTo("ERR_INVALID_ARG_VALUE");
        String planted = "$2b$31$" + "a".repeat(53);
        assertThatThrownBy(() -> await(() -> Bcrypt.verify("pw", planted))).hasMessageContaining("out of range");
    }

    @Test
    void theCoresPasswordVerifyHandsBcryptHashesToThisModule() throws Exception {
        String h = Bcrypt.hashSync("s3cret", 4);
        // A login that stores scrypt now still accepts the $2b$ hashes a Node service stored.
        assertThat(dev.eventide.crypto.Password.verifySync("s3cret", h)).isTrue();
        assertThat(dev.eventide.crypto.Password.verifySync("nope", h)).isFalse();
        assertThat(await(() -> dev.eventide.crypto.Password.verify("s3cret", h))).isTrue();
        String scrypt = dev.eventide.crypto.Password.hashSync("s3cret", 4, 8, 1);
        assertThat(dev.eventide.crypto.Password.verifySync("s3cret", scrypt)).isTrue();
    }

    @Test
    void hashesFromBcryptjsVerifyAndOursVerifyInBcryptjs() throws Exception {
        Path dir = bcryptjs();
        String ours = Bcrypt.hashSync("pässword", 10);
        Path script = dir.resolve("t.js");
        Files.writeString(script, """
                const b = require('bcryptjs');
                for (const cost of [10, 11, 12]) console.log(b.hashSync('pässword', cost));
                console.log(b.compareSync('pässword', process.argv[2]));
                """);
        List<String> out = run(dir, "node", script.toString(), ours);
        assertThat(out).hasSize(4);
        for (String h : out.subList(0, 3)) {
            assertThat(h).matches("\\$2[ab]\\$1[012]\\$.{53}");
            assertThat(Bcrypt.verifySync("pässword", h)).as(h).isTrue();
            assertThat(Bcrypt.verifySync("password", h)).as(h).isFalse();
        }
        assertThat(out.get(3)).isEqualTo("true");
    }

    private static Path bcryptjs() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node/npm absent; skipping bcryptjs cross-check");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "eventide-bcryptjs");
        if (!Files.isDirectory(dir.resolve("node_modules/bcryptjs"))) {
            Files.createDirectories(dir);
            boolean ok = runs(dir, "npm", "install", "--silent", "--no-audit", "--no-fund", "bcryptjs");
            assumeTrue(ok, "npm install bcryptjs failed (offline?); skipping");
        }
        return dir;
    }

    private static boolean runs(String... command) {
        return runs(null, command);
    }

    private static boolean runs(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out.lines().toList();
    }
}
