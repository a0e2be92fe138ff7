// Port of micro-queuemicrotask-shares-promise-fifo.js: queueMicrotask callbacks and promise
// reactions share one FIFO queue, after the nextTick queue.
import module dev.eventide;

void main() {
    Promise.resolve().then(v -> { IO.println("p1"); return null; });
    Timers.queueMicrotask(() -> IO.println("q1"));
    Promise.resolve().then(v -> { IO.println("p2"); return null; });
    Timers.queueMicrotask(() -> {
        IO.println("q2");
        Promise.resolve().then(v -> { IO.println("p3-from-q2"); return null; });
        Timers.queueMicrotask(() -> IO.println("q3-from-q2"));
    });
    Proc.nextTick(() -> IO.println("tick"));
    IO.println("sync");
}
