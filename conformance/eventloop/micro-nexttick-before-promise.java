// Port of micro-nexttick-before-promise.js: after the main module, the whole nextTick queue
// runs before the promise (microtask) queue, whatever the order of the calls.
import module dev.eventide;

void main() {
    Promise.resolve().then(v -> { IO.println("promise1"); return null; });
    Proc.nextTick(() -> IO.println("tick1"));
    Promise.resolve().then(v -> { IO.println("promise2"); return null; });
    Proc.nextTick(() -> IO.println("tick2"));
    IO.println("sync");
}
