// Port of emitter-error-without-listener.js: 'error' with no listener is thrown from emit;
// errorMonitor listeners see it first.
import module dev.eventide;

void main() {
    var e = new EventEmitter();
    e.on(Events.ERROR_MONITOR, args -> IO.println("monitor:" + ((Throwable) args[0]).getMessage()));
    try {
        e.emit("error", new RuntimeException("bad"));
        IO.println("not-reached");
    } catch (RuntimeException err) {
        IO.println("thrown:" + err.getMessage());
    }
    e.on("error", args -> IO.println("handled:" + ((Throwable) args[0]).getMessage()));
    IO.println("returned:" + e.emit("error", new RuntimeException("worse")));
}
