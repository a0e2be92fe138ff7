// Port of stream-end-after-error.js: after a failed write, end(cb) gets the stored error.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions().autoDestroy(false).write((chunk, enc, cb) -> {
        IO.println("_write:" + chunk);
        cb.call(new RuntimeException("disk-full"));
    }));
    w.on("error", args -> IO.println("error:" + ((Throwable) args[0]).getMessage()));
    w.on("close", args -> IO.println("close-never"));
    w.write("a", e -> IO.println("cb-a:" + e.getMessage()));
    Proc.nextTick(() -> {
        IO.println("errored:" + (w.errored() == null ? "null" : w.errored().getMessage()));
        w.end(e -> IO.println("end-cb:" + (e == null ? "null" : e.getMessage())));
        IO.println("write-ret:" + w.write("b", e -> IO.println("cb-b:" + (e == null ? "null" : ((NodeError) e).code()))));
    });
}
