package dev.eventide.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * File streams and watchers: createReadStream's range, chunk sizes and events, createWriteStream's
 * bytesWritten and backpressure, a piped copy, and fs.watch. Event orders are node 20's for the
 * same script (see the comments).
 */
@org.junit.jupiter.api.Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
class FileReadStreamTest {
    @TempDir
    Path tmp;
    private final List<String> ev = new ArrayList<>();
    private final FakeClock clock = new FakeClock();

    private String p(String name) {
        return tmp.resolve(name).toString();
    }

    private byte[] random(int n) throws Exception {
        byte[] data = new byte[n];
        new Random(42).nextBytes(data);
        Files.write(tmp.resolve("big.bin"), data);
        return data;
    }

    @Test
    void readStreamReadsStartToEndInclusiveIn64KiBChunks() throws Exception {
        byte[] data = random(200_000);
        List<Integer> chunks = new ArrayList<>();
        List<Bytes> got = new ArrayList<>();
        clock.run(() -> {
            // node 20: open,ready,end 100000,close with chunks 65536,34464
            FileReadStream rs = Fs.createReadStream(p("big.bin"), new FileStreamOptions().start(10).end(100_009));
            rs.on("open", a -> ev.add("open"));
            rs.on("ready", a -> ev.add("ready"));
            rs.on("data", a -> {
                chunks.add(((Bytes) a[0]).length());
                got.add((Bytes) a[0]);
            });
            rs.on("end", a -> ev.add("end " + rs.bytesRead()));
            rs.on("close", a -> ev.add("close"));
        });
        assertThat(ev).containsExactly("open", "ready", "end 100000", "close");
        assertThat(chunks).containsExactly(65536, 34464);
        assertThat(Bytes.concat(got).toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 100_010));
    }

    @Test
    void aMissingFileIsAnErrorThenClose() {
        clock.run(() -> {
            FileReadStream bad = Fs.createReadStream(p("nope"));
            bad.on("error", a -> ev.add("error " + ((Throwable) a[0]).getMessage().replace(tmp.toString(), "D")));
            bad.on("close", a -> ev.add("close"));
        });
        assertThat(ev).containsExactly("error ENOENT: no such file or directory, open 'D/nope'", "close");
    }

    @Test
    void writeStreamCountsBytesWrittenAndSignalsBackpressure() throws Exception {
        clock.run(() -> {
            // node 20: write false,open,ready,finish 20001,close
            FileWriteStream ws = Fs.createWriteStream(p("out.bin"));
            ws.on("open", a -> ev.add("open"));
            ws.on("ready", a -> ev.add("ready"));
            ev.add("write " + ws.write(Bytes.alloc(20_000)));
            ws.on("drain", a -> ev.add("drain"));
            ws.on("finish", a -> ev.add("finish " + ws.bytesWritten()));
            ws.on("close", a -> ev.add("close"));
            ws.end("x");
        });
        assertThat(ev).containsExactly("write false", "open", "ready", "finish 20001", "close");
        assertThat(Files.size(tmp.resolve("out.bin"))).isEqualTo(20_001);
    }

    @Test
    void writeStreamWritesAtStartInsideAnExistingFile() throws Exception {
        Files.writeString(tmp.resolve("w.txt"), "0123456789");
        clock.run(() -> {
            FileWriteStream ws = Fs.createWriteStream(p("w.txt"), new FileStreamOptions().flags("r+").start(3));
            ws.write("ab");
            ws.end("c");
        });
        assertThat(Files.readString(tmp.resolve("w.txt"))).isEqualTo("012abc6789");
    }

    @Test
    void aPipedCopyIsByteIdenticalAndClosesBothFiles() throws Exception {
        byte[] data = random(3_000_000);
        int openBefore = FdTable.openCount();
        clock.run(() -> {
            FileReadStream rs = Fs.createReadStream(p("big.bin"));
            FileWriteStream ws = Fs.createWriteStream(p("copy.bin"));
            ws.on("close", a -> ev.add("copied " + ws.bytesWritten()));
            rs.pipe(ws);
        });
        assertThat(ev).containsExactly("copied 3000000");
        assertThat(Files.readAllBytes(tmp.resolve("copy.bin"))).isEqualTo(data);
        assertThat(FdTable.openCount()).isEqualTo(openBefore);
    }

    @Test
    void readStreamWithAnEncodingEmitsStrings() throws Exception {
        Files.writeString(tmp.resolve("t.txt"), "héllo");
        clock.run(() -> Fs.createReadStream(p("t.txt"), new FileStreamOptions().encoding("utf8").highWaterMark(2))
                .on("data", a -> ev.add((String) a[0])));
        assertThat(String.join("", ev)).isEqualTo("héllo");
        assertThat(ev).hasSizeGreaterThan(1);
    }

    @Test
    void watchReportsARenameForANewFileAndCloseLetsTheLoopEnd() throws Exception {
        Files.createDirectories(tmp.resolve("w"));
        clock.run(() -> {
            FsWatcher w = Fs.watch(p("w"), (args) -> {
                ev.add(args[0] + " " + args[1]);
            });
            w.on("change", a -> {
                if (a[1].equals("new.txt")) {
                    ((FsWatcher) w).close();
                }
            });
            w.on("close", a -> ev.add("close"));
            EventLoop.current().setTimeout(() -> Fs.writeFileSync(p("w/new.txt"), "x"), 50);
        });
        assertThat(ev).contains("rename new.txt");
        assertThat(ev.getLast()).isEqualTo("close");
    }
}
