// Port of stream-pipeline-success.js: pipeline calls back after the last stream finished.
import module dev.eventide;

void main() {
    var r = ReadableStream.from(List.of("x", "y"));
    var t = new TransformStream(new StreamOptions().transform(
            (self, chunk, enc, cb) -> cb.call(null, chunk.toString().toUpperCase())));
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
        IO.println("write:" + chunk);
        cb.call(null);
    }));
    r.on("end", args -> IO.println("r-end"));
    t.on("end", args -> IO.println("t-end"));
    t.on("finish", args -> IO.println("t-finish"));
    w.on("finish", args -> IO.println("w-finish"));
    r.on("close", args -> IO.println("r-close"));
    t.on("close", args -> IO.println("t-close"));
    w.on("close", args -> IO.println("w-close"));
    Streams.pipeline(r, t, w, err -> IO.println("callback:" + (err == null ? "undefined" : err.getMessage())));
}
