// Port of process-uncaught-exception-exit-code.js: with no 'uncaughtException' listener, an
// exception ends the process with code 1 after the 'exit' listeners; nothing else runs.
import module dev.eventide;

void main() {
    Proc.on("exit", args -> IO.println("exit:" + args[0]));
    Timers.setTimeout(() -> IO.println("timeout-never"), 10000);
    Timers.setImmediate(() -> {
        IO.println("throwing");
        throw new RuntimeException("fatal");
    });
    Timers.setImmediate(() -> IO.println("immediate2-never"));
}
