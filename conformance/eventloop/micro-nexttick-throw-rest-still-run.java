// Port of micro-nexttick-throw-rest-still-run.js: an exception from a nextTick goes to
// 'uncaughtException'; the ticks and microtasks behind it still run before the next phase.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> {
        IO.println("uncaught:" + ((Throwable) args[0]).getMessage() + ":" + args[1]);
    });
    Timers.setImmediate(() -> IO.println("immediate"));
    Proc.nextTick(() -> {
        IO.println("tick1");
        throw new RuntimeException("tickboom");
    });
    Proc.nextTick(() -> IO.println("tick2"));
    Promise.resolve().then(v -> { IO.println("promise"); return null; });
    IO.println("sync");
}
