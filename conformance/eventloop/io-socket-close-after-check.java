// Port of io-socket-close-after-check.js: a destroyed socket's 'close' comes from the handle's
// close callback in the close phase, after the check phase, so the setImmediate scheduled in the
// same callback runs first.
import module dev.eventide;

NetServer server;

void main() {
    server = Net.createServer(sock -> {
        IO.println("server-connection");
        sock.on("close", args -> {
            IO.println("server-socket-close");
            server.close(() -> IO.println("server-closed"));
        });
        sock.destroy();
        Timers.setImmediate(() -> IO.println("immediate"));
        Proc.nextTick(() -> IO.println("tick"));
    });
    server.listen(0, "127.0.0.1", () -> {
        NetSocket c = Net.connect(server.address().port(), "127.0.0.1");
        c.on("error", args -> { });
        c.resume();
    });
}
