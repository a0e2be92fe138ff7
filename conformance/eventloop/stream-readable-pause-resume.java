// Port of stream-readable-pause-resume.js: pause() stops 'data'; resume() flows in a nextTick.
import module dev.eventide;

void main() {
    var r = new ReadableStream(new StreamOptions().objectMode(true).read((self, size) -> { }));
    r.on("pause", args -> IO.println("pause"));
    r.on("resume", args -> IO.println("resume"));
    r.on("data", args -> {
        IO.println("data:" + args[0]);
        if (Integer.valueOf(1).equals(args[0])) {
            r.pause();
            IO.println("isPaused:" + r.isPaused());
            Timers.setImmediate(() -> {
                IO.println("resuming");
                r.resume();
            });
        }
    });
    r.on("end", args -> IO.println("end"));
    r.push(1);
    r.push(2);
    r.push(3);
    r.push(null);
    IO.println("sync");
}
