// Port of timers-equal-timeout-insertion-order.js: timers with the same delay fire in creation
// order; 0 becomes 1 ms; shorter delays fire first.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> IO.println("t1-1ms"), 1);
    Timers.setTimeout(() -> IO.println("t2-0ms"), 0);
    Timers.setTimeout(() -> IO.println("t3-10ms-a"), 10);
    Timers.setTimeout(() -> IO.println("t4-10ms-b"), 10);
    Timers.setTimeout(() -> IO.println("t5-1ms"), 1);
}
