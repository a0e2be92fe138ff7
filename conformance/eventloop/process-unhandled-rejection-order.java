// Port of process-unhandled-rejection-order.js: 'unhandledRejection' comes after the pending
// nextTicks and microtasks, before the loop moves on to the next phase.
import module dev.eventide;

void main() {
    Proc.on("unhandledRejection", args -> {
        IO.println("unhandledRejection:" + ((Throwable) args[0]).getMessage());
    });
    Timers.setImmediate(() -> IO.println("immediate"));
    Promise.reject(new RuntimeException("boom"));
    Promise.resolve().then(v -> { IO.println("promise"); return null; });
    Proc.nextTick(() -> IO.println("tick"));
    IO.println("sync");
}
