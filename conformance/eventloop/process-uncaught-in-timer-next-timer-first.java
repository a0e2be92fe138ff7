// Port of process-uncaught-in-timer-next-timer-first.js: after a throwing timer, the next due
// timer runs before the ticks and promise jobs the throwing one queued.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> IO.println("uncaught:" + ((Throwable) args[0]).getMessage()));
    Timers.setImmediate(() -> IO.println("immediate-main"));
    Timers.setTimeout(() -> {
        Promise.resolve().then(v -> { IO.println("promise-a"); return null; });
        Proc.nextTick(() -> IO.println("tick-a"));
        IO.println("A");
        throw new RuntimeException("boom");
    }, 1);
    Timers.setTimeout(() -> IO.println("B"), 1);
    Timers.setTimeout(() -> IO.println("C"), 1);
    long s = System.currentTimeMillis();
    while (System.currentTimeMillis() - s < 3) {
        Thread.onSpinWait();
    }
}
