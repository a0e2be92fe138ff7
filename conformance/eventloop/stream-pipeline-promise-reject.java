// Port of stream-pipeline-promise-reject.js: the promise pipeline rejects with the source's error.
import module dev.eventide;

void main() {
    var r = new ReadableStream(new StreamOptions().read((self, size) -> self.destroy(new RuntimeException("source-failed"))));
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> cb.call(null)));
    w.on("finish", args -> IO.println("finish-never"));
    w.on("close", args -> IO.println("w-close"));
    r.on("close", args -> IO.println("r-close"));
    Streams.pipeline(r, w).then(
            v -> { IO.println("resolved-never"); return null; },
            e -> { IO.println("rejected:" + e.getMessage() + ":" + w.destroyed()); return null; });
    IO.println("sync");
}
