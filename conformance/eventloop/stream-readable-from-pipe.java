// Port of stream-readable-from-pipe.js: event order when ReadableStream.from([...]) is piped
// into a WritableStream.
import module dev.eventide;

void main() {
    var r = ReadableStream.from(List.of("a", "b", "c"));
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
        IO.println("write:" + chunk);
        cb.call(null);
    }));
    r.on("data", args -> IO.println("data:" + args[0]));
    r.on("end", args -> IO.println("readable-end"));
    r.on("close", args -> IO.println("readable-close"));
    w.on("pipe", args -> IO.println("writable-pipe"));
    w.on("finish", args -> IO.println("writable-finish"));
    w.on("close", args -> IO.println("writable-close"));
    r.pipe(w);
    IO.println("sync");
}
