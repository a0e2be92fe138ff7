// Port of timers-delay-counts-from-creation.js: a timer's delay counts from the setTimeout
// call, not from the cached loop time at the start of the current callback.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> IO.println("a-60ms"), 60);
    long end = System.currentTimeMillis() + 50;
    while (System.currentTimeMillis() < end) { /* spin */ }
    Timers.setTimeout(() -> IO.println("b-20ms-after-50ms-work"), 20);
    IO.println("sync");
}
