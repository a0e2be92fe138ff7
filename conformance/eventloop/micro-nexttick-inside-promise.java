// Port of micro-nexttick-inside-promise.js: a nextTick queued by a promise reaction waits
// until the promise queue (including jobs queued meanwhile) is empty.
import module dev.eventide;

void main() {
    Promise.resolve().then(v -> {
        IO.println("p1");
        Proc.nextTick(() -> IO.println("tick-from-p1"));
        Promise.resolve().then(w -> { IO.println("p3-from-p1"); return null; });
        return null;
    });
    Promise.resolve().then(v -> { IO.println("p2"); return null; });
    IO.println("sync");
}
