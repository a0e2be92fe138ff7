// Port of timers-clear-later-immediate.js: clearImmediate from an earlier immediate cancels a
// later one of the same check phase; the rest still run in order.
import module dev.eventide;

Immediate b;

void main() {
    Timers.setImmediate(() -> {
        IO.println("a");
        Timers.clearImmediate(b);
    });
    b = Timers.setImmediate(() -> IO.println("b-never"));
    Timers.setImmediate(() -> IO.println("c"));
}
