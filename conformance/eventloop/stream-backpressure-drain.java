// Port of stream-backpressure-drain.js: write() returns false at the highWaterMark; 'drain'.
import module dev.eventide;

WritableStream w;

void main() {
    w = new WritableStream(new StreamOptions().highWaterMark(4).write((chunk, enc, cb) -> {
        IO.println("_write:" + chunk + ":len=" + w.writableLength());
        Timers.setImmediate(() -> cb.call(null));
    }));
    w.on("drain", args -> IO.println("drain:len=" + w.writableLength()));
    IO.println("ret1:" + w.write("ab", e -> IO.println("cb1")));
    IO.println("ret2:" + w.write("cd", e -> IO.println("cb2")));
    IO.println("needDrain:" + w.writableNeedDrain());
    IO.println("ret3:" + w.write("e", e -> IO.println("cb3")));
    w.once("drain", args -> {
        IO.println("second-drain-listener");
        w.end(e -> IO.println("end-cb"));
    });
}
