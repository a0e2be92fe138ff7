// Port of stream-readable-paused-mode.js: 'readable' + read() in paused mode.
import module dev.eventide;

int n = 0;

void main() {
    var r = new ReadableStream(new StreamOptions().read((self, size) -> {
        n++;
        IO.println("_read:" + n);
        self.push(n <= 2 ? "chunk" + n : null);
    }));
    r.on("readable", args -> {
        IO.println("readable");
        Object c;
        while ((c = r.read()) != null) {
            IO.println("read:" + c);
        }
    });
    r.on("end", args -> IO.println("end"));
    r.on("close", args -> IO.println("close"));
    IO.println("flowing:" + r.readableFlowing());
}
