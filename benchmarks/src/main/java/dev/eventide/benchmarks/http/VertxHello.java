package dev.eventide.benchmarks.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The Vert.x 5 peer of the HTTP load run: one event loop, one HTTP server verticle-less
 * instance answering "Hello, World!" with keep-alive. usage: VertxHello PORT. Runs until killed.
 */
public final class VertxHello {
    private VertxHello() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(false));
        vertx.createHttpServer().requestHandler(req -> req.response().end("Hello, World!"))
                .listen(port, "127.0.0.1")
                .onSuccess(s -> System.out.println("vertx listening on " + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
