// Port of process-uncaught-in-tick-drains-after-next-callback.js: the ticks and promise jobs
// behind a throwing nextTick run after the next callback the loop invokes.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> IO.println("uncaught:" + ((Throwable) args[0]).getMessage()));
    Timers.setTimeout(() -> IO.println("timeout"), 1);
    Timers.setImmediate(() -> IO.println("immediate"));
    Proc.nextTick(() -> {
        IO.println("tick1");
        throw new RuntimeException("b");
    });
    Proc.nextTick(() -> IO.println("tick2"));
    Promise.resolve().then(v -> { IO.println("promise"); return null; });
    long s = System.currentTimeMillis();
    while (System.currentTimeMillis() - s < 3) {
        Thread.onSpinWait();
    }
}
