// Port of micro-nexttick-recursive-before-immediate.js: a nextTick that queues another
// nextTick keeps the loop from moving on; all ticks run before the promise reaction and the
// immediate.
import module dev.eventide;

int n = 0;

void again() {
    IO.println("tick" + n);
    if (++n < 5) Proc.nextTick(this::again);
}

void main() {
    Timers.setImmediate(() -> IO.println("immediate"));
    Promise.resolve().then(v -> { IO.println("promise"); return null; });
    Proc.nextTick(this::again);
    IO.println("sync");
}
