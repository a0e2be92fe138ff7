// Port of process-before-exit-and-exit.js: 'beforeExit' each time the loop runs dry (work
// scheduled by it runs, then 'beforeExit' again); 'exit' last; a timer set in 'exit' never runs.
import module dev.eventide;

int rounds = 0;

void main() {
    Proc.on("beforeExit", args -> {
        IO.println("beforeExit" + rounds + ":" + args[0]);
        if (rounds++ == 0) Timers.setTimeout(() -> IO.println("timeout-from-beforeExit"), 1);
    });
    Proc.on("exit", args -> {
        IO.println("exit:" + args[0]);
        Timers.setTimeout(() -> IO.println("timeout-from-exit-never"), 0);
    });
    IO.println("sync");
}
