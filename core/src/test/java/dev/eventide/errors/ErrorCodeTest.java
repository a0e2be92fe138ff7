package dev.eventide.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.NodeOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The catalogue itself: every code is its constant's name and unique, no main source of any
 * module spells an ERR_ code outside the catalogue, and a sample of templates and JavaScript
 * classes matches what node reports for the same arguments.
 */
class ErrorCodeTest {
    private static final String CATALOGUE = "core/src/main/java/dev/eventide/errors/ErrorCode.java";

    @Test
    void everyCodeIsItsConstantsNameAndUnique() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(c.code()).isEqualTo(c.name());
            assertThat(c.code()).matches("(ERR_[A-Z0-9_]+|ABORT_ERR)");
            assertThat(seen.add(c.code())).as("duplicate " + c).isTrue();
            assertThat(ErrorCode.of(c.code())).isSameAs(c);
            assertThat(c.template()).isNotBlank();
        }
        assertThat(ErrorCode.of("ENOENT")).isNull();
    }

    @Test
    void makeFillsTheTemplateInOrderAndCarriesTheCodeAndName() {
        NodeError e = ErrorCode.ERR_INVALID_HTTP_TOKEN.make("Header name", "a b");
        assertThat(e.getMessage()).isEqualTo("Header name must be a valid HTTP token [\"a b\"]");
        assertThat(e.code()).isEqualTo("ERR_INVALID_HTTP_TOKEN");
        assertThat(e.name()).isEqualTo("TypeError");
        // An argument holding %s is taken as text, not as another placeholder.
        assertThat(ErrorCode.ERR_UNKNOWN_ENCODING.make("%s").getMessage()).isEqualTo("Unknown encoding: %s");
        IllegalStateException cause = new IllegalStateException("x");
        assertThat(ErrorCode.ERR_CRYPTO_OPERATION_FAILED.withCause(cause, "Sign", "x").getCause()).isSameAs(cause);
        assertThat(new NodeError("ERR_OUT_OF_RANGE", "m").name()).isEqualTo("RangeError");
        assertThat(new NodeError("ENOENT", "m").name()).isEqualTo("Error");
    }

    @Test
    void makeRefusesTheWrongNumberOfArguments() {
        assertThatThrownBy(() -> ErrorCode.ERR_STREAM_DESTROYED.make())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, got 0");
        assertThatThrownBy(() -> ErrorCode.ERR_STREAM_WRITE_AFTER_END.make("x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ErrorCode.ERR_OUT_OF_RANGE.arity()).isEqualTo(3);
    }

    @Test
    void noMainSourceSpellsAnErrCodeOutsideTheCatalogue() throws IOException {
        Path root = projectRoot();
        Assumptions.assumeTrue(root != null, "the project's sources are not beside the tests");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !root.relativize(f).toString().replace('\\', '/').equals(CATALOGUE))
                            .forEach(f -> literalsIn(read(f)).stream().filter(s -> s.startsWith("ERR_"))
                                    .forEach(s -> offenders.add(root.relativize(f) + ": \"" + s + "\"")));
                }
            }
        }
        assertThat(offenders).as("ERR_ codes belong in " + CATALOGUE).isEmpty();
    }

    @Test
    void theScannerSeesLiteralsButNotComments() {
        String source = "// \"ERR_A\"\n/* \"ERR_B\" */ String s = \"ERR_C\" + '\"' + \"x\\\"ERR_D\";\n"
                + "String t = \"\"\"\n  ERR_E\n  \"\"\";";
        assertThat(literalsIn(source)).containsExactly("ERR_C", "x\\\"ERR_D", "\n  ERR_E\n  ");
    }

    @Test
    void templatesGiveNodesMessagesForTheSameArguments() {
        List<String> ours = Stream.of(
                Errors.outOfRange("size", ">= 0 && <= 4294967296", -1),
                ErrorCode.ERR_INVALID_BUFFER_SIZE.make("16-bits"),
                ErrorCode.ERR_UNKNOWN_ENCODING.make("nope"),
                Errors.outOfRange("options.level", ">= -1 and <= 9", 99),
                ErrorCode.ERR_BUFFER_TOO_LARGE.make(10),
                ErrorCode.ERR_CRYPTO_HASH_FINALIZED.make(),
                ErrorCode.ERR_UNHANDLED_ERROR.make("'boom'"),
                Errors.missingArgs("options", "port", "path"),
                Errors.badPort("Port", 70000),
                ErrorCode.ERR_INVALID_HTTP_TOKEN.make("Header name", "a b"),
                ErrorCode.ERR_HTTP_INVALID_HEADER_VALUE.make("undefined", "a"),
                ErrorCode.ERR_HTTP_INVALID_STATUS_CODE.make(1000),
                ErrorCode.ERR_HTTP_HEADERS_SENT.make("set"),
                ErrorCode.ERR_STREAM_WRITE_AFTER_END.make(),
                ErrorCode.ERR_STREAM_DESTROYED.make("write"),
                ErrorCode.ERR_SERVER_NOT_RUNNING.make())
                .map(e -> e.code() + "|" + e.name() + "|" + e.getMessage()).toList();
        NodeOracle.assertNodePrints("""
                const { Writable } = require('stream');
                const http = require('http'), net = require('net'), zlib = require('zlib');
                const crypto = require('crypto'), EventEmitter = require('events');
                const line = (e) => console.log([e.code, e.name, e.message].join('|'));
                const show = (f) => { try { f(); console.log('no error'); } catch (e) { line(e); } };
                show(() => Buffer.alloc(-1));
                show(() => Buffer.alloc(3).swap16());
                show(() => Buffer.from('x').toString('nope'));
                show(() => zlib.deflateSync('x', { level: 99 }));
                show(() => zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(100)), { maxOutputLength: 10 }));
                show(() => { const h = crypto.createHash('sha256'); h.digest(); h.digest(); });
                show(() => new EventEmitter().emit('error', 'boom'));
                show(() => net.connect({}));
                show(() => net.connect(70000));
                const res = new http.ServerResponse(new http.IncomingMessage(new net.Socket()));
                show(() => res.setHeader('a b', 'x'));
                show(() => res.setHeader('a', undefined));
                show(() => res.writeHead(1000));
                res.writeHead(200);
                show(() => res.setHeader('a', 'b'));
                const w = new Writable({ write(c, e, cb) { cb(); } });
                w.on('error', line);
                w.end();
                w.write('x');
                const d = new Writable({ write(c, e, cb) { cb(); } });
                d.on('error', () => {});
                d.destroy();
                d.write('x', line);
                new net.Server().close(line);
                """, ours);
    }

    @Test
    void everyCodeNodeKnowsHasNodesJavaScriptClass() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
        // internal/errors needs --expose-internals; a child node gets it. Codes Node raises only
        // from C++ (and Eventide's own) are not there and are left out.
        List<String> node = NodeOracle.stdout("""
                const out = require('child_process').execFileSync(process.execPath, ['--expose-internals', '-e', `
                  const { codes } = require('internal/errors');
                  for (const c of process.argv.slice(1)) {
                    if (!codes[c]) continue;
                    for (let n = 0; n <= 4; n++) {
                      try { console.log(c + ' ' + new codes[c](...Array(n).fill('x')).name); break; } catch {}
                    }
                  }`, ...%s]);
                process.stdout.write(out);
                """.formatted(codes.stream().map(c -> "'" + c + "'").toList()));
        Assumptions.assumeTrue(node != null, "node is not installed");
        assertThat(node).hasSizeGreaterThan(40);
        for (String line : node) {
            String[] parts = line.split(" ");
            assertThat(ErrorCode.valueOf(parts[0]).jsClass().name()).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    /** The folder holding core/ and the other modules, found from the test's working folder. */
    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(CATALOGUE))) {
                return p;
            }
        }
        return null;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw text of every string literal and text block in Java source, comments skipped. */
    static List<String> literalsIn(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = Math.max(src.indexOf('\n', i), i + 1);
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i + 2) + 2;
                if (i == 1) {
                    break;
                }
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                out.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (src.charAt(j) != c) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(src.substring(i + 1, j));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
