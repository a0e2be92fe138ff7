// Port of io-phase-order-in-callback.js: inside an I/O callback: the rest of the callback,
// its nextTicks, its promise reactions, then setImmediate (this iteration's check phase), then
// setTimeout(0) (next iteration's timers phase).
import module dev.eventide;

// fs.readFile(__filename, cb): any small file will do; only the poll-phase timing matters.
final Path file = Path.of(System.getProperty("java.home"), "release");

void main() {
    EventLoop.current().queueWork(() -> Files.readAllBytes(file), (bytes, err) -> {
        Timers.setTimeout(() -> IO.println("timeout"), 0);
        Timers.setImmediate(() -> IO.println("immediate"));
        Promise.resolve().then(v -> { IO.println("promise"); return null; });
        Proc.nextTick(() -> IO.println("tick"));
        IO.println("io-callback");
    });
}
