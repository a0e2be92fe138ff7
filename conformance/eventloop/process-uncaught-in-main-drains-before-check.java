// Port of process-uncaught-in-main-drains-before-check.js: what a throwing main script queued
// still runs before the first setImmediate.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> IO.println("uncaught:" + ((Throwable) args[0]).getMessage()));
    Timers.setImmediate(() -> IO.println("immediate"));
    Proc.nextTick(() -> IO.println("tick"));
    Promise.resolve().then(v -> { IO.println("promise"); return null; });
    throw new RuntimeException("main");
}
