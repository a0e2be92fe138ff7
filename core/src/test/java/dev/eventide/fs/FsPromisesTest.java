package dev.eventide.fs;

import dev.eventide.errors.SystemError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import dev.eventide.loop.WorkKind;
import dev.eventide.loop.WorkerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * fs.promises, the callback forms and FileHandle: results and errors arrive on the loop thread,
 * the work runs on pool threads counted as FS work, and stuck DNS work does not hold fs up.
 */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class FsPromisesTest {
    @TempDir
    Path tmp;
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    private final FakeClock clock = new FakeClock();

    private String p(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void promisesSettleOnTheLoopThreadWithResultsAndSystemErrors() {
        long fsBefore = WorkerPool.shared().stats().of(WorkKind.FS).completed();
        Thread[] loopThread = new Thread[1];
        clock.run(() -> {
            loopThread[0] = Thread.currentThread();
            FsPromises fs = Fs.promises();
            fs.writeFile(p("a"), "one")
                    .thenCompose(v -> fs.appendFile(p("a"), "+two"))
                    .thenCompose(v -> fs.readFile(p("a"), "utf8"))
                    .then(text -> {
                        trace.add("read " + text + " on loop " + (Thread.currentThread() == loopThread[0]));
                        return null;
                    })
                    .thenCompose(v -> fs.stat(p("a")))
                    .then(s -> trace.add("size " + s.size()))
                    .thenCompose(v -> fs.readFile(p("missing")))
                    .catchError(e -> {
                        trace.add("error " + ((SystemError) e).getMessage().replace(tmp.toString(), "D"));
                        return null;
                    });
        });
        assertThat(trace).containsExactly("read one+two on loop true", "size 7",
                "error ENOENT: no such file or directory, open 'D/missing'");
        assertThat(WorkerPool.shared().stats().of(WorkKind.FS).completed()).isGreaterThanOrEqualTo(fsBefore + 5);
    }

    @Test
    void callbacksGetErrOrValueAsNodesDo() {
        clock.run(() -> {
            Fs.writeFile(p("c"), "x", (err, v) -> {
                trace.add("write " + err);
                Fs.readFile(p("c"), "utf8", (e2, text) -> trace.add("read " + e2 + " " + text));
                Fs.stat(p("none"), (e3, st) -> trace.add("stat " + ((SystemError) e3).code() + " " + st));
            });
        });
        // Node's callback shapes: (null, value) on success, (err, undefined) on failure. The
        // two calls run on the pool at the same time, so their order is not a guarantee (node
        // prints stat first because its readFile takes four pool round trips; ours takes one).
        assertThat(trace).hasSize(3).startsWith("write null")
                .containsExactlyInAnyOrder("write null", "read null x", "stat ENOENT null");
    }

    @Test
    void fileHandleReadsIntoBytesAtAPositionAndClosesOnce() {
        clock.run(() -> {
            Fs.promises().open(p("h"), "w+").then(fh -> {
                Bytes buf = Bytes.alloc(4);
                fh.write(Bytes.from("0123456789"), 0, 10, 0)
                        .thenCompose(n -> fh.read(buf, 1, 3, 5))
                        .then(n -> trace.add("read " + n + " " + buf.toString("latin1", 1, 4)))
                        .thenCompose(v -> fh.stat())
                        .then(s -> trace.add("size " + s.size()))
                        .thenCompose(v -> fh.truncate(3))
                        .thenCompose(v -> fh.sync())
                        .thenCompose(v -> fh.close())
                        .thenCompose(v -> fh.close())
                        .thenCompose(v -> fh.read(buf, 0, 1, 0))
                        .catchError(e -> {
                        trace.add(((SystemError) e).code() + " " + e.getMessage());
                        return null;
                    });
                return null;
            });
        });
        assertThat(trace).containsExactly("read 3 567", "size 10", "EBADF EBADF: bad file descriptor, read");
        assertThat(Fs.readFileSync(p("h"), "utf8")).isEqualTo("012");
    }

    @Test
    void readFileCompletesWhileEveryDnsLaneThreadIsStuck() throws Exception {
        Fs.writeFileSync(p("r"), "still readable");
        CountDownLatch stuck = new CountDownLatch(1);
        try {
            clock.run(() -> {
                EventLoop loop = EventLoop.current();
                for (int i = 0; i < WorkerPool.NETWORK_SIZE + 3; i++) {
                    loop.queueWork(WorkKind.DNS, () -> {
                        stuck.await();
                        return null;
                    }, (r, e) -> trace.add("dns done"));
                }
                // Every DNS-lane thread must hold a stuck job before the read is queued (the pool
                // starts them asynchronously); a test may block its own loop to wait for that.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (WorkerPool.shared().stats().of(WorkKind.DNS).running() < WorkerPool.NETWORK_SIZE) {
                    assertThat(System.nanoTime()).as("DNS lane threads started").isLessThan(deadline);
                    Thread.onSpinWait();
                }
                Fs.promises().readFile(p("r"), "utf8").then(text -> {
                    trace.add(text);
                    assertThat(trace).doesNotContain("dns done");
                    stuck.countDown();
                    return null;
                });
            });
        } finally {
            stuck.countDown();
        }
        assertThat(trace.getFirst()).isEqualTo("still readable");
        assertThat(trace).hasSize(1 + WorkerPool.NETWORK_SIZE + 3);
    }

    @Test
    void mkdirRmCpAndReaddirThroughPromises() {
        clock.run(() -> {
            FsPromises fs = Fs.promises();
            fs.mkdir(p("d/e"), true)
                    .then(first -> trace.add("first " + first.replace(tmp.toString(), "D")))
                    .thenCompose(v -> fs.writeFile(p("d/e/f"), "z"))
                    .thenCompose(v -> fs.cp(p("d"), p("d2"), true))
                    .thenCompose(v -> fs.readdir(p("d2"), true))
                    .then(names -> trace.add("names " + names))
                    .thenCompose(v -> fs.rm(p("d"), false, false))
                    .catchError(e -> {
                        trace.add(((SystemError) e).code());
                        return null;
                    })
                    .thenCompose(v -> fs.rm(p("d"), true, false))
                    .thenCompose(v -> fs.access(p("d")))
                    .catchError(e -> {
                        trace.add("gone " + ((SystemError) e).code());
                        return null;
                    });
        });
        assertThat(trace).containsExactly("first D/d", "names [e, e/f]", "ERR_FS_EISDIR", "gone ENOENT");
    }
}
