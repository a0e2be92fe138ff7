// Port of timers-timeout-vs-immediate-in-io.js: from an I/O callback (poll phase),
// setImmediate always runs before setTimeout(0).
import module dev.eventide;

// fs.readFile(__filename, cb): any small file will do; only the poll-phase timing matters.
final Path file = Path.of(System.getProperty("java.home"), "release");

void main() {
    EventLoop.current().queueWork(() -> Files.readAllBytes(file), (bytes, err) -> {
        IO.println("io-callback");
        Timers.setTimeout(() -> IO.println("timeout"), 0);
        Timers.setImmediate(() -> IO.println("immediate"));
    });
}
