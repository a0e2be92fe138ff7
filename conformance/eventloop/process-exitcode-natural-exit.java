// Port of process-exitcode-natural-exit.js: process.exitCode is what 'beforeExit' and 'exit'
// receive and what the process ends with.
import module dev.eventide;

void main() {
    Proc.on("beforeExit", args -> IO.println("beforeExit:" + args[0]));
    Proc.on("exit", args -> IO.println("exit:" + args[0]));
    Timers.setTimeout(() -> {
        Proc.exitCode(4);
        IO.println("set");
    }, 1);
}
