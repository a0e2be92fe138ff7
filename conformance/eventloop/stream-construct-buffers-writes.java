// Port of stream-construct-buffers-writes.js: _construct holds back _write, _final and _destroy.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions()
            .construct(cb -> {
                IO.println("construct");
                Timers.setImmediate(() -> {
                    IO.println("construct-done");
                    cb.call(null);
                });
            })
            .write((chunk, enc, cb) -> {
                IO.println("write:" + chunk);
                cb.call(null);
            })
            .finalFn(cb -> {
                IO.println("final");
                cb.call(null);
            }));
    IO.println("write-returns:" + w.write("a"));
    w.end("b", err -> IO.println("end-cb"));
    w.on("finish", args -> IO.println("finish"));
    w.on("close", args -> {
        IO.println("close");
        var d = new WritableStream(new StreamOptions()
                .construct(cb -> Timers.setTimeout(() -> {
                    IO.println("d-construct-done");
                    cb.call(null);
                }, 1))
                .destroy((err, cb) -> {
                    IO.println("d-destroy");
                    cb.call(err);
                }));
        d.on("close", a -> IO.println("d-close"));
        d.destroy();
        IO.println("d-destroyed:" + d.destroyed());
    });
    Proc.nextTick(() -> IO.println("tick"));
    IO.println("sync");
}
