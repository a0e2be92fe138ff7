// Port of stream-pipe-backpressure-objects.js: pipe() pauses on write()=false, resumes on 'drain'.
import module dev.eventide;

int i = 0;

void main() {
    var r = new ReadableStream(new StreamOptions().objectMode(true).highWaterMark(2).read((self, size) -> {
        i++;
        IO.println("_read:" + i);
        self.push(i <= 5 ? i : null);
    }));
    var w = new WritableStream(new StreamOptions().objectMode(true).highWaterMark(2).write((chunk, enc, cb) -> {
        IO.println("write:" + chunk);
        Timers.setImmediate(() -> cb.call(null));
    }));
    w.on("drain", args -> IO.println("drain"));
    r.on("pause", args -> IO.println("pause"));
    r.on("resume", args -> IO.println("resume"));
    w.on("finish", args -> IO.println("finish"));
    r.pipe(w);
}
