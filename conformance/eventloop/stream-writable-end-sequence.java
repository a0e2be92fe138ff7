// Port of stream-writable-end-sequence.js: callbacks and events as a WritableStream finishes.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions()
            .write((chunk, enc, cb) -> {
                IO.println("_write:" + chunk);
                Proc.nextTick(() -> cb.call(null));
            })
            .finalFn(cb -> {
                IO.println("_final");
                cb.call(null);
            }));
    w.on("prefinish", args -> IO.println("prefinish"));
    w.on("finish", args -> IO.println("finish"));
    w.on("close", args -> IO.println("close"));
    w.write("x", err -> IO.println("write-cb-x"));
    w.write("y", err -> IO.println("write-cb-y"));
    w.end(err -> IO.println("end-cb"));
    IO.println("sync");
}
