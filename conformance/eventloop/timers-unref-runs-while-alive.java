// Port of timers-unref-runs-while-alive.js: unref() does not cancel a timer; while something
// else keeps the loop alive, it still fires when due.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> IO.println("unref-10ms"), 10).unref();
    Timers.setTimeout(() -> IO.println("ref-60ms"), 60);
    Proc.on("exit", args -> IO.println("exit"));
}
