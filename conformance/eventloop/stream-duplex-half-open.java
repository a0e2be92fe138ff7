// Port of stream-duplex-half-open.js: allowHalfOpen(false) ends the writable side after 'end'.
import module dev.eventide;

void main() {
    var d = new DuplexStream(new StreamOptions().allowHalfOpen(false)
            .read((self, size) -> {
                self.push("r1");
                self.push(null);
            })
            .write((chunk, enc, cb) -> {
                IO.println("write:" + chunk);
                cb.call(null);
            }));
    d.on("data", args -> IO.println("data:" + args[0]));
    d.on("end", args -> IO.println("end"));
    d.on("finish", args -> IO.println("finish"));
    d.on("close", args -> IO.println("close"));
    d.write("w1");
    IO.println("sync");
}
