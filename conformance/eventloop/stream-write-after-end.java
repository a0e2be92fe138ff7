// Port of stream-write-after-end.js: write() after end() fails with ERR_STREAM_WRITE_AFTER_END.
import module dev.eventide;

void main() {
    var w = new WritableStream(new StreamOptions().write((chunk, enc, cb) -> {
        IO.println("_write:" + chunk);
        cb.call(null);
    }));
    w.on("error", args -> IO.println("error:" + ((NodeError) args[0]).code()));
    w.on("finish", args -> IO.println("finish"));
    w.on("close", args -> IO.println("close"));
    w.write("a");
    w.end();
    boolean ret = w.write("b", e -> IO.println("cb:" + ((NodeError) e).code()));
    IO.println("ret:" + ret);
}
