// Port of process-unhandled-rejection-becomes-uncaught.js: with no 'unhandledRejection'
// listener, the rejection is an uncaught exception with origin 'unhandledRejection'.
import module dev.eventide;

void main() {
    Proc.on("uncaughtException", args -> {
        IO.println("uncaught:" + ((Throwable) args[0]).getMessage() + ":" + args[1]);
    });
    Promise.reject(new RuntimeException("nolistener"));
    Timers.setTimeout(() -> IO.println("timeout-still-runs"), 1);
    Proc.on("exit", args -> IO.println("exit:" + args[0]));
    IO.println("sync");
}
