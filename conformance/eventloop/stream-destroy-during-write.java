// Port of stream-destroy-during-write.js: destroy(err) while a write is in progress.
import module dev.eventide;

StreamCallback pending;

String msg(Throwable e) {
    return e == null ? "null" : e.getMessage();
}

void main() {
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
        IO.println("_write:" + chunk);
        pending = cb;
    }));
    w.on("error", args -> IO.println("error:" + ((Throwable) args[0]).getMessage()));
    w.on("close", args -> IO.println("close"));
    w.on("finish", args -> IO.println("finish-never"));
    w.write("a", e -> IO.println("cb-a:" + msg(e)));
    w.write("b", e -> IO.println("cb-b:" + msg(e)));
    w.write("c", e -> IO.println("cb-c:" + msg(e)));
    Proc.nextTick(() -> {
        IO.println("destroying");
        w.destroy(new RuntimeException("kill"));
        IO.println("destroyed:" + w.destroyed());
        pending.call(null);
    });
}
