// Port of micro-queuemicrotask-throw-continues.js: an exception from a queueMicrotask callback
// is reported at once; the microtasks behind it run in the same drain.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> {
        IO.println("uncaught:" + ((Throwable) args[0]).getMessage() + ":" + args[1]);
    });
    Timers.queueMicrotask(() -> {
        IO.println("m1");
        throw new RuntimeException("mboom");
    });
    Timers.queueMicrotask(() -> IO.println("m2"));
    Promise.resolve().then(v -> { IO.println("p1"); return null; });
    Timers.setImmediate(() -> IO.println("immediate"));
    IO.println("sync");
}
