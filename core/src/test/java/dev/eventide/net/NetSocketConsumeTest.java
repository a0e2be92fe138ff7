package dev.eventide.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.buffer.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** NetSocket.consume: reads go to the consumer only while it may take them unseen by others. */
class NetSocketConsumeTest {
    @Test
    void consumerTakesReadsUntilASecondDataListenerComesThenTheStreamEmitsThemAgain() {
        NetHarness.Run run = NetHarness.run(30, trace -> {
            NetServer server = Net.createServer(sock -> {
                sock.on("data", a -> trace.add("data:" + ((Bytes) a[0]).toString("latin1")));
                sock.consume((data, offset, length) -> {
                    trace.add("consumed:" + new String(data, offset, length, StandardCharsets.ISO_8859_1));
                    sock.on("data", a -> trace.add("other:" + ((Bytes) a[0]).toString("latin1")));
                    sock.write("ack");
                });
                sock.on("end", a -> sock.end());
            });
            server.listen(0, "127.0.0.1", () -> {
                NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
                c.once("data", a -> c.end("two"));
                c.on("close", a -> server.close());
                c.write("one");
            });
        });
        assertThat(run.trace()).containsExactly("consumed:one", "data:two", "other:two");
    }
}
