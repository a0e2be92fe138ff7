// Port of process-rejection-handled-later.js: a handler attached after 'unhandledRejection'
// runs, then 'rejectionHandled' is emitted with the same promise.
import module dev.eventide;

Promise<Object> rejected;

void main() {
    Proc.on("unhandledRejection", args -> {
        var promise = (Promise<?>) args[1];
        IO.println("unhandled:" + ((Throwable) args[0]).getMessage() + ":" + (promise == rejected));
        Timers.setTimeout(() -> {
            IO.println("attach-catch");
            promise.catchError(e -> { IO.println("caught-late:" + e.getMessage()); return null; });
        }, 1);
    });
    Proc.on("rejectionHandled", args -> IO.println("rejectionHandled:" + (args[0] == rejected)));
    rejected = Promise.reject(new RuntimeException("late"));
    Proc.on("exit", args -> IO.println("exit"));
}
