package dev.eventide.web;

import dev.eventide.http.HttpServer;
import dev.eventide.loop.EventLoop;
import dev.eventide.process.Proc;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Connects {@link Health#shutdown} to the process's termination signals. Signals arrive on the
 * JVM's signal thread and are handed to the loop with {@code execute}; everything else runs on
 * the loop. When the loop has already finished, the previous handlers are put back and the
 * signal is raised again, so the process never becomes deaf to SIGTERM.
 */
final class GracefulShutdown {
    private GracefulShutdown() {
    }

    static void install(Health health, EventLoop loop, Supplier<HttpServer> server, ShutdownOptions o) {
        AtomicInteger seen = new AtomicInteger();
        AtomicBoolean restored = new AtomicBoolean();
        Runnable[] restore = new Runnable[1];
        Runnable undo = () -> {
            if (restore[0] != null && restored.compareAndSet(false, true)) {
                restore[0].run();
            }
        };
        restore[0] = Signals.install(o.signals, name -> {
            try {
                loop.execute(() -> onSignal(health, loop, server, o, seen.incrementAndGet()));
            } catch (RejectedExecutionException finished) {
                undo.run();
                Signals.raise(name);
            }
        });
        if (restore[0] == null) {
            installHook(health, loop, server, o);
            return;
        }
        health.catchesSignals(true);
        try {
            Proc.on("exit", a -> undo.run());
        } catch (RuntimeException noProcessObject) {
            // Without a process object the handlers stay until a signal finds the loop gone.
        }
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

    /** Without signal handling: the JVM is already exiting; let the requests in flight finish first. */
    private static void installHook(Health health, EventLoop loop, Supplier<HttpServer> server, ShutdownOptions o) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CountDownLatch closed = new CountDownLatch(1);
            try {
                loop.execute(() -> {
                    HttpServer s = server.get();
                    if (s == null) {
                        closed.countDown();
                    } else {
                        health.shutdown(s, o, false, closed::countDown);
                    }
                });
                closed.await(o.readinessDelayMs + o.deadlineMs + 1000, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException | InterruptedException loopGone) {
                // Nothing left to drain.
            }
        }, "eventide-graceful-shutdown"));
    }
}
