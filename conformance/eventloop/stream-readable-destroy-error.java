// Port of stream-readable-destroy-error.js: destroy(err) emits 'error' then 'close', never 'end'.
import module dev.eventide;

void main() {
    var r = new ReadableStream(new StreamOptions().objectMode(true).read((self, size) -> { }));
    r.push("a");
    r.push("b");
    r.on("data", args -> {
        IO.println("data:" + args[0]);
        r.destroy(new RuntimeException("stop"));
        IO.println("destroyed:" + r.destroyed());
    });
    r.on("error", args -> IO.println("error:" + ((Throwable) args[0]).getMessage()));
    r.on("end", args -> IO.println("end-never"));
    r.on("close", args -> IO.println("close"));
    Proc.nextTick(() -> IO.println("tick"));
}
