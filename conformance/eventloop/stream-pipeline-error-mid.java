// Port of stream-pipeline-error-mid.js: an error in the middle stream of a pipeline destroys
// every stream; the callback gets the error.
import module dev.eventide;

void main() {
    var r = ReadableStream.from(List.of("a", "b", "c"));
    var t = new TransformStream(new StreamOptions().transform((self, chunk, enc, cb) -> {
        IO.println("transform:" + chunk);
        if (chunk.toString().equals("b")) {
            cb.call(new RuntimeException("boom"), null);
        } else {
            cb.call(null, chunk);
        }
    }));
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
        IO.println("write:" + chunk);
        cb.call(null);
    }));
    r.on("close", args -> IO.println("r-close"));
    t.on("close", args -> IO.println("t-close"));
    w.on("close", args -> IO.println("w-close"));
    t.on("error", args -> IO.println("t-error:" + ((Throwable) args[0]).getMessage()));
    Streams.pipeline(r, t, w, err -> {
        IO.println("callback:" + (err == null ? "null" : err.getMessage()));
        IO.println("destroyed:" + r.destroyed() + "," + t.destroyed() + "," + w.destroyed());
    });
    IO.println("sync");
}
