// Port of timers-timeout-vs-immediate-in-timer.js: from a timer callback, setImmediate runs
// before setTimeout(0); a timer created during the timers phase never runs in that phase.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> {
        IO.println("timer1");
        Timers.setTimeout(() -> IO.println("timeout-from-timer1"), 0);
        Timers.setImmediate(() -> IO.println("immediate-from-timer1"));
        long end = System.currentTimeMillis() + 5;
        while (System.currentTimeMillis() < end) { /* spin */ }
    }, 0);
    Timers.setTimeout(() -> IO.println("timer2-same-list"), 0);
    long end = System.currentTimeMillis() + 5;
    while (System.currentTimeMillis() < end) { /* spin */ }
}
