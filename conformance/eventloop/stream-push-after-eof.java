// Port of stream-push-after-eof.js: push() after push(null) fails with ERR_STREAM_PUSH_AFTER_EOF.
import module dev.eventide;

void main() {
    var r = new ReadableStream(new StreamOptions().read((self, size) -> { }));
    r.on("error", args -> IO.println("error:" + ((NodeError) args[0]).code()));
    r.on("close", args -> IO.println("close"));
    r.push(null);
    IO.println("ret:" + r.push("late"));
    IO.println("destroyed:" + r.destroyed());
}
