// Port of stream-transform-flush.js: flush runs after the last transform.
import module dev.eventide;

void main() {
    var t = new TransformStream(new StreamOptions().objectMode(true)
            .transform((self, chunk, enc, cb) -> {
                IO.println("transform:" + chunk);
                cb.call(null, (Integer) chunk * 10);
            })
            .flush((self, cb) -> {
                IO.println("flush");
                self.push("tail");
                cb.call(null, "last");
            }));
    t.on("data", args -> IO.println("data:" + args[0]));
    t.on("prefinish", args -> IO.println("prefinish"));
    t.on("finish", args -> IO.println("finish"));
    t.on("end", args -> IO.println("end"));
    t.on("close", args -> IO.println("close"));
    t.write(1);
    t.write(2);
    t.end();
    IO.println("sync");
}
