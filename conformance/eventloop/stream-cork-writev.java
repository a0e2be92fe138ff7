// Port of stream-cork-writev.js: corked writes go to _writev together on uncork.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions()
            .write((chunk, enc, cb) -> {
                IO.println("_write:" + chunk);
                cb.call(null);
            })
            .writev((chunks, cb) -> {
                IO.println("_writev:" + String.join(",", chunks.stream().map(c -> c.chunk().toString()).toList()));
                Proc.nextTick(() -> cb.call(null));
            }));
    w.cork();
    w.write("a", e -> IO.println("cb-a"));
    w.write("b", e -> IO.println("cb-b"));
    w.write("c", e -> IO.println("cb-c"));
    IO.println("corked:" + w.writableCorked() + ":buffered:" + w.writableLength());
    Proc.nextTick(() -> {
        IO.println("uncork");
        w.uncork();
    });
    w.on("finish", args -> IO.println("finish"));
    Timers.setImmediate(() -> w.end("z"));
}
