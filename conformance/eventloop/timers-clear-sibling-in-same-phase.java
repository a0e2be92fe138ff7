// Port of timers-clear-sibling-in-same-phase.js: clearTimeout from a timer callback cancels a
// timer that is already due in the same timers phase, in its own list or in another.
import module dev.eventide;

Timeout t1;
Timeout t2;
Timeout t3;
Timeout t4;

void main() {
    t1 = Timers.setTimeout(() -> {
        IO.println("t1");
        Timers.clearTimeout(t2);
        Timers.clearTimeout(t4);
    }, 1);
    t2 = Timers.setTimeout(() -> IO.println("t2-never"), 1);
    t3 = Timers.setTimeout(() -> IO.println("t3"), 1);
    t4 = Timers.setTimeout(() -> IO.println("t4-never"), 2);
    Timers.setTimeout(() -> IO.println("t5"), 2);
    long end = System.currentTimeMillis() + 10;
    while (System.currentTimeMillis() < end) { /* spin */ }
    IO.println("sync");
}
