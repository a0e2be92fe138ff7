// Port of timers-unref-does-not-keep-alive.js: an unref'd timer (or immediate) does not keep
// the process alive; with nothing else pending it never runs.
import module dev.eventide;

void main() {
    Timeout t = Timers.setTimeout(() -> IO.println("unref-timeout-never"), 1000);
    t.unref();
    IO.println("hasRef:" + t.hasRef());
    Immediate i = Timers.setImmediate(() -> IO.println("unref-immediate-never"));
    i.unref();
    Proc.on("exit", args -> IO.println("exit"));
    IO.println("sync");
}
