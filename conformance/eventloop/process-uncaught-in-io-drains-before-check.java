// Port of process-uncaught-in-io-drains-before-check.js: what a throwing I/O callback queued
// runs before the check phase. fs.readFile is a read on the worker pool, completed in poll.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> IO.println("uncaught:" + ((Throwable) args[0]).getMessage()));
    EventLoop.current().queueWork(() -> Files.readAllBytes(Path.of("/etc/hostname")), (bytes, err) -> {
        Timers.setImmediate(() -> IO.println("immediate"));
        Proc.nextTick(() -> IO.println("tick"));
        Promise.resolve().then(v -> { IO.println("promise"); return null; });
        throw new RuntimeException("io");
    });
}
