// Port of process-uncaught-exception-continues.js: with an 'uncaughtException' listener, an
// exception thrown by a timer goes to the listener and the next timer of the list still runs.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> {
        IO.println("uncaught:" + ((Throwable) args[0]).getMessage() + ":" + args[1]);
    });
    Timers.setTimeout(() -> {
        IO.println("timeout1");
        throw new RuntimeException("boom");
    }, 0);
    Timers.setTimeout(() -> IO.println("timeout2"), 0);
    Proc.on("exit", args -> IO.println("exit"));
}
