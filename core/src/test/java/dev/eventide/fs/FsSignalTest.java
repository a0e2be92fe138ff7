package dev.eventide.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.errors.AbortError;
import dev.eventide.errors.DomException;
import dev.eventide.errors.NodeError;
import dev.eventide.events.AbortController;
import dev.eventide.events.AbortSignal;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.NodeOracle;
import dev.eventide.promise.Promise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signal option of fs.promises readFile, writeFile and appendFile, against node's trace:
 * aborted before the call (nothing opened), and aborted right after it (the file is opened,
 * and created or truncated, but not read or written).
 */
class FsSignalTest {
    private static final String NODE = """
            const fsp = require('fs/promises'); const fs = require('fs'); const path = require('path'); const os = require('os');
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sig-'));
            const log = (s) => console.log(s);
            (async () => {
              const f = path.join(dir, 'a.txt'); fs.writeFileSync(f, 'hello');
              try { await fsp.readFile(f, { signal: AbortSignal.abort(new Error('pre')) }); } catch (e) { log(`read-pre ${e.name} ${e.code} ${e.message} ${e.cause.message}`); }
              const c1 = new AbortController(); const p1 = fsp.readFile(f, { signal: c1.signal }); c1.abort(new Error('mid'));
              try { await p1; log('read-mid resolved'); } catch (e) { log(`read-mid ${e.name} ${e.cause.message}`); }
              const g = path.join(dir, 'b.txt');
              const c = new AbortController();
              const p = fsp.writeFile(g, 'data', { signal: c.signal }); c.abort(new Error('mid'));
              try { await p; log('write-mid resolved'); } catch (e) { log(`write-mid ${e.name} ${e.code} ${e.cause.message} exists=${fs.existsSync(g)} size=${fs.statSync(g).size}`); }
              const h = path.join(dir, 'c.txt');
              try { await fsp.writeFile(h, 'x', { signal: AbortSignal.abort() }); } catch (e) { log(`write-pre ${e.name} ${e.cause.name} exists=${fs.existsSync(h)}`); }
              log('read-ok ' + await fsp.readFile(f, { signal: new AbortController().signal, encoding: 'utf8' }));
              const c2 = new AbortController(); const p2 = fsp.appendFile(f, '!', { signal: c2.signal }); c2.abort();
              try { await p2; log('append-mid resolved'); } catch (e) { log(`append-mid ${e.name} ${e.cause.name} ` + fs.readFileSync(f, 'utf8')); }
              await fsp.appendFile(f, '?', { signal: new AbortController().signal });
              log('after ' + fs.readFileSync(f, 'utf8'));
              fs.rmSync(dir, { recursive: true });
            })();
            """;

    private static final List<String> EXPECTED = List.of(
            "read-pre AbortError ABORT_ERR The operation was aborted pre",
            "read-mid AbortError mid",
            "write-mid AbortError ABORT_ERR mid exists=true size=0",
            "write-pre AbortError AbortError exists=false",
            "read-ok hello",
            "append-mid AbortError AbortError hello",
            "after hello?");

    @TempDir
    Path dir;

    @Test
    void anAbortedSignalRejectsBeforeOpeningOrAfterOpeningAsNodeDoes() throws Exception {
        List<String> t = new ArrayList<>();
        String f = dir.resolve("a.txt").toString();
        String g = dir.resolve("b.txt").toString();
        String h = dir.resolve("c.txt").toString();
        Files.writeString(Path.of(f), "hello");
        FsPromises fsp = Fs.promises();
        EventLoop.run(() -> {
            Promise<?> chain = fsp.readFile(f, FileOptions.defaults().withSignal(AbortSignal.abort(new RuntimeException("pre"))))
                    .then(v -> "resolved", e -> {
                        AbortError a = (AbortError) e;
                        t.add("read-pre " + a.name() + " " + a.code() + " " + a.getMessage() + " " + a.getCause().getMessage());
                        return null;
                    })
                    .thenCompose(x -> {
                        AbortController c1 = new AbortController();
                        Promise<?> p1 = fsp.readFile(f, FileOptions.defaults().withSignal(c1.signal()));
                        c1.abort(new RuntimeException("mid"));
                        return p1.then(v -> t.add("read-mid resolved"), e -> t.add("read-mid " + ((NodeError) e).name() + " " + e.getCause().getMessage()));
                    })
                    .thenCompose(x -> {
                        AbortController c = new AbortController();
                        Promise<Void> p = fsp.writeFile(g, "data", FileOptions.defaults().withSignal(c.signal()));
                        c.abort(new RuntimeException("mid"));
                        return p.then(v -> t.add("write-mid resolved"), e -> t.add("write-mid " + ((NodeError) e).name() + " "
                                + ((NodeError) e).code() + " " + e.getCause().getMessage() + " exists=" + Files.exists(Path.of(g))
                                + " size=" + Files.size(Path.of(g))));
                    })
                    .thenCompose(x -> fsp.writeFile(h, "x", FileOptions.defaults().withSignal(AbortSignal.abort()))
                            .then(v -> t.add("write-pre resolved"), e -> t.add("write-pre " + ((NodeError) e).name() + " "
                                    + ((DomException) e.getCause()).name() + " exists=" + Files.exists(Path.of(h)))))
                    .thenCompose(x -> fsp.readFile(f, FileOptions.encoding("utf8").withSignal(new AbortController().signal()))
                            .then(s -> t.add("read-ok " + s)))
                    .thenCompose(x -> {
                        AbortController c2 = new AbortController();
                        Promise<Void> p2 = fsp.appendFile(f, "!", FileOptions.defaults().withSignal(c2.signal()));
                        c2.abort();
                        return p2.then(v -> t.add("append-mid resolved"), e -> t.add("append-mid " + ((NodeError) e).name() + " "
                                + ((DomException) e.getCause()).name() + " " + Files.readString(Path.of(f))));
                    })
                    .thenCompose(x -> fsp.appendFile(f, "?", FileOptions.defaults().withSignal(new AbortController().signal())))
                    .then(x -> t.add("after " + Files.readString(Path.of(f))));
            chain.catchError(e -> {
                t.add("unexpected " + e);
                return null;
            });
        });
        assertThat(t).containsExactlyElementsOf(EXPECTED);
        NodeOracle.assertNodePrints(NODE, EXPECTED);
    }
}
