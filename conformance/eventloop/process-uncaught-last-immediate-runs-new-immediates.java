// Port of process-uncaught-last-immediate-runs-new-immediates.js: after the last immediate of
// a batch throws, the immediates queued meanwhile run in the same check phase.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> IO.println("uncaught:" + ((Throwable) args[0]).getMessage()));
    Timers.setImmediate(() -> {
        Timers.setTimeout(() -> IO.println("timeout"), 0);
        Timers.setImmediate(() -> IO.println("immediate2"));
        Proc.nextTick(() -> IO.println("tick"));
        Promise.resolve().then(v -> { IO.println("promise"); return null; });
        long s = System.currentTimeMillis();
        while (System.currentTimeMillis() - s < 3) {
            Thread.onSpinWait();
        }
        throw new RuntimeException("imm");
    });
}
