// Port of process-exit-in-timer-skips-rest.js: process.exit(3) emits 'exit' and ends at once;
// nothing queued or due runs after it, not even 'beforeExit'.
import module dev.eventide;

void main() {
    Proc.on("beforeExit", args -> IO.println("beforeExit-never"));
    Proc.on("exit", args -> IO.println("exit:" + args[0]));
    Timers.setTimeout(() -> {
        IO.println("t1");
        Proc.nextTick(() -> IO.println("tick-never"));
        Promise.resolve().then(v -> { IO.println("promise-never"); return null; });
        Proc.exit(3);
        IO.println("after-exit-never");
    }, 1);
    Timers.setTimeout(() -> IO.println("t2-never"), 1);
}
