// Port of process-exit-listener-work-never-runs.js: ticks, immediates and timers queued by an
// 'exit' listener never run; the other 'exit' listeners do.
import module dev.eventide;

void main() {
    Proc.on("exit", args -> {
        IO.println("exit1:" + args[0]);
        Proc.nextTick(() -> IO.println("tick-never"));
        Timers.setImmediate(() -> IO.println("immediate-never"));
        Timers.setTimeout(() -> IO.println("timeout-never"), 0);
    });
    Proc.on("exit", args -> IO.println("exit2"));
    IO.println("sync");
}
