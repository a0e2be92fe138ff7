// Port of micro-nexttick-inside-queuemicrotask.js: a nextTick queued by a queueMicrotask
// callback waits until the microtask queue is empty.
import module dev.eventide;

void main() {
    Timers.queueMicrotask(() -> {
        IO.println("m1");
        Proc.nextTick(() -> IO.println("tick-from-m1"));
        Timers.queueMicrotask(() -> IO.println("m3-from-m1"));
    });
    Timers.queueMicrotask(() -> IO.println("m2"));
    IO.println("sync");
}
