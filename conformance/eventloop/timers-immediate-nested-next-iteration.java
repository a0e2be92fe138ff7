// Port of timers-immediate-nested-next-iteration.js: an immediate queued while immediates run
// waits for the next iteration, so a timer that came due in between runs first.
import module dev.eventide;

// fs.readFile(__filename, cb): any small file will do; only the poll-phase timing matters.
final Path file = Path.of(System.getProperty("java.home"), "release");

void main() {
    EventLoop.current().queueWork(() -> Files.readAllBytes(file), (bytes, err) -> {
        Timers.setTimeout(() -> IO.println("timeout"), 0);
        Timers.setImmediate(() -> {
            IO.println("immediate1");
            Timers.setImmediate(() -> IO.println("immediate3-nested"));
            long end = System.currentTimeMillis() + 5;
            while (System.currentTimeMillis() < end) { /* spin */ }
        });
        Timers.setImmediate(() -> IO.println("immediate2"));
    });
}
