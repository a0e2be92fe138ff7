// Port of stream-finished-writable.js: finished() calls back after 'finish' and 'close'.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> cb.call(null)));
    w.on("finish", args -> IO.println("finish"));
    w.on("close", args -> {
        IO.println("close");
        Streams.finished(w, err -> IO.println("finished-late:" + (err == null ? "undefined" : err.getMessage())));
        IO.println("after-late-finished");
    });
    Streams.finished(w, err -> IO.println("finished:" + (err == null ? "undefined" : err.getMessage())));
    w.end("data");
}
