package dev.eventide.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReadableStream: modes, read(n), highWaterMark, unshift, encodings, from(). */
class ReadableStreamTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void readNReturnsExactlyNBytesAcrossChunks() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().read((self, n) -> { }));
            r.push(Bytes.from("abc"));
            r.push(Bytes.from("defg"));
            log.add(r.read(5).toString());
            log.add(r.read(1).toString());
            log.add("left:" + r.readableLength());
            log.add(String.valueOf(r.read(5)));
        });
        assertThat(log).containsExactly("abcde", "f", "left:1", "null");
    }

    @Test
    void pushReturnsFalseAtTheHighWaterMark() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().highWaterMark(4).read((self, n) -> { }));
            log.add("" + r.push("ab"));
            log.add("" + r.push("cd"));
            log.add("" + r.readableLength());
        });
        assertThat(log).containsExactly("true", "false", "4");
    }

    @Test
    void unshiftPutsAChunkBackInFront() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().objectMode(true).read((self, n) -> { }));
            r.push("b");
            r.unshift("a");
            log.add(r.read() + "," + r.read());
        });
        assertThat(log).containsExactly("a,b");
    }

    @Test
    void setEncodingConvertsBufferedBytes() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().read((self, n) -> { }));
            r.push(Bytes.from("h\u00e9"));
            r.setEncoding("hex");
            log.add(r.readableEncoding() + ":" + r.read());
        });
        assertThat(log).containsExactly("hex:68c3a9");
    }

    @Test
    void readableFlowingIsNullThenTrueThenFalse() {
        EventLoop.run(() -> {
            ReadableStream r = new ReadableStream(new StreamOptions().read((self, n) -> { }));
            log.add(String.valueOf(r.readableFlowing()));
            r.on("data", args -> { });
            log.add(String.valueOf(r.readableFlowing()));
            r.pause();
            log.add(String.valueOf(r.readableFlowing()));
            r.destroy();
        });
        assertThat(log).containsExactly("null", "true", "false");
    }

    @Test
    void fromPullsOneAheadOfTheConsumerAsNodeDoes() {
        EventLoop.run(() -> {
            List<Integer> source = List.of(1, 2, 3);
            Iterable<Integer> pulling = () -> source.stream().peek(i -> log.add("pull:" + i)).iterator();
            ReadableStream r = ReadableStream.from(pulling);
            r.on("data", args -> log.add("data:" + args[0]));
            r.on("end", args -> log.add("end"));
        });
        // node 20 prints the same order for a logging generator.
        assertThat(log).containsExactly("pull:1", "pull:2", "data:1", "pull:3", "data:2", "data:3", "end");
    }

    @Test
    void fromValueEmitsTheWholeString() {
        EventLoop.run(() -> {
            ReadableStream r = ReadableStream.fromValue("whole");
            r.on("data", args -> log.add("data:" + args[0]));
        });
        assertThat(log).containsExactly("data:whole");
    }

    @Test
    void readableDefaultsAreNode22s() {
        EventLoop.run(() -> {
            log.add("" + new ReadableStream().readableHighWaterMark());
            log.add("" + ReadableStream.from(List.of()).readableHighWaterMark());
        });
        assertThat(log).containsExactly("65536", "1");
    }
}
