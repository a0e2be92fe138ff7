// Port of timers-timeout-vs-immediate-main.js (nondeterministic): setTimeout(0) against
// setImmediate from the main module; either order is correct, each token exactly once.
import module dev.eventide;

void main() {
    Timers.setTimeout(() -> IO.println("timeout"), 0);
    Timers.setImmediate(() -> IO.println("immediate"));
}
