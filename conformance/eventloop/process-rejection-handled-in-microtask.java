// Port of process-rejection-handled-in-microtask.js: a rejection handled before the microtask
// queue drains is never reported.
import module dev.eventide;

Promise<Object> p;

void main() {
    Proc.on("unhandledRejection", args -> IO.println("unhandled-never"));
    Proc.on("rejectionHandled", args -> IO.println("rejectionHandled-never"));
    Promise.resolve().then(v -> {
        IO.println("attach");
        p.catchError(e -> { IO.println("caught:" + e.getMessage()); return null; });
        return null;
    });
    p = Promise.reject(new RuntimeException("early"));
    Timers.setImmediate(() -> IO.println("immediate"));
    IO.println("sync");
}
