// Port of timers-ref-after-unref.js: ref() after unref() makes the timer keep the loop alive.
import module dev.eventide;

void main() {
    Timeout t = Timers.setTimeout(() -> IO.println("fired"), 20);
    t.unref();
    IO.println("after-unref:" + t.hasRef());
    t.ref();
    IO.println("after-ref:" + t.hasRef());
    Proc.on("exit", args -> IO.println("exit"));
}
