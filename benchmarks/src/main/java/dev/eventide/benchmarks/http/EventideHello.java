package dev.eventide.benchmarks.http;

import dev.eventide.http.Http;
import dev.eventide.loop.EventLoop;

/**
 * The Eventide peer of the HTTP load run: one loop answering "Hello, World!" with keep-alive.
 * usage: EventideHello PORT. Runs until killed.
 */
public final class EventideHello {
    private EventideHello() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        EventLoop.run(() -> Http.createServer((req, res) -> res.end("Hello, World!"))
                .listen(port, "127.0.0.1", () -> System.out.println("eventide listening on " + port)));
    }
}
