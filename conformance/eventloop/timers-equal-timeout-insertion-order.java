// Port of timers-equal-timeout-insertion-order.js: timers with the same delay fire in creation
// order; 0 becomes 1 ms; shorter delays fire first.
import module dev.eventide;

void main() {
    // The callbacks are made first so that the five setTimeout calls follow each other within
    // microseconds, as they do in node: in a cold JVM, linking each new lambda can take
    // milliseconds, and t5 (1 ms) created 9 ms after t3 (10 ms) would rightly be due after it.
    Task t1 = () -> IO.println("t1-1ms");
    Task t2 = () -> IO.println("t2-0ms");
    Task t3 = () -> IO.println("t3-10ms-a");
    Task t4 = () -> IO.println("t4-10ms-b");
    Task t5 = () -> IO.println("t5-1ms");
    Timers.setTimeout(t1, 1);
    Timers.setTimeout(t2, 0);
    Timers.setTimeout(t3, 10);
    Timers.setTimeout(t4, 10);
    Timers.setTimeout(t5, 1);
}
