// Port of timers-refresh-revives-fired-not-cleared.js: refresh() reschedules a timeout that
// already fired, does nothing to a cleared one, and returns the timer.
import module dev.eventide;

void main() {
    Timeout fired = Timers.setTimeout(() -> IO.println("fired"), 5);
    Timeout cleared = Timers.setTimeout(() -> IO.println("cleared-never"), 5);
    Timers.clearTimeout(cleared);
    Timers.setTimeout(() -> {
        IO.println("refreshing");
        IO.println("same:" + (fired.refresh() == fired));
        cleared.refresh();
    }, 20);
    Proc.on("exit", args -> IO.println("exit"));
}
