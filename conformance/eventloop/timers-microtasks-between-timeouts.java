// Port of timers-microtasks-between-timeouts.js: nextTicks and microtasks are drained after
// each timer callback, not once after the whole timers phase.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> {
        IO.println("timeout1");
        Proc.nextTick(() -> IO.println("tick1"));
        Promise.resolve().then(v -> { IO.println("promise1"); return null; });
    }, 0);
    Timers.setTimeout(() -> {
        IO.println("timeout2");
        Proc.nextTick(() -> IO.println("tick2"));
        Promise.resolve().then(v -> { IO.println("promise2"); return null; });
    }, 0);
}
