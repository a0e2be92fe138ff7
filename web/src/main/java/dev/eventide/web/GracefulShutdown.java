package dev.eventide.web;

import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.util.function.Supplier;

/**
 * Connects {@link Health#shutdown} to the process's termination signals through the process
 * object's signal events (as {@code process.on('SIGTERM', ...)} in Node): the first signal begins
 * the graceful shutdown, a second one ends it at once. The listeners run on the loop thread and,
 * as in Node, do not keep the loop alive.
 */
final class GracefulShutdown {
    private GracefulShutdown() {
    }

    /** Call on the loop thread that runs the server. */
    static void install(Health health, EventLoop loop, Supplier<HttpServer> server, ShutdownOptions o) {
        int[] seen = {0};
        for (String signal : o.signals) {
            Proc.on(signal, a -> onSignal(health, loop, server, o, ++seen[0]));
        }
        health.catchesSignals(true);
    }

    private static void onSignal(Health health, EventLoop loop, Supplier<HttpServer> server, ShutdownOptions o,
            int count) {
        HttpServer s = server.get();
        if (count > 1) {
            if (s != null) {
                s.closeAllConnections(); // a second signal: the operator wants it over now
            }
            loop.exit(1);
        } else if (s == null) {
            loop.exit(o.exitCode);
        } else {
            health.shutdown(s, o);
        }
    }
}
