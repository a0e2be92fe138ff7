package dev.eventide.web;

import dev.eventide.loop.Task;
import java.util.List;

/**
 * Settings of {@link Health#shutdown} and {@link Health#gracefulShutdown}: how long readiness
 * shows false before the server stops accepting, how long in-flight requests may take, and how
 * the process ends. Defaults: no readiness delay, HttpServer.shutdown's 10 s deadline and 50 ms
 * quiet time, exit code 0, SIGTERM and SIGINT. Configured before serving.
 */
public final class ShutdownOptions {
    long readinessDelayMs;
    long deadlineMs = 10_000;
    long quietMs = 50;
    boolean exit = true;
    int exitCode;
    Task onClosed;
    List<String> signals = List.of("SIGTERM", "SIGINT");

    /**
     * Time between readiness turning false and the server closing its listener, so a balancer
     * polling /readyz stops routing here first (Kubernetes users often give 5 s).
     */
    public ShutdownOptions readinessDelay(long ms) {
        this.readinessDelayMs = ms;
        return this;
    }

    /** After this, connections still busy are closed (HttpServer.shutdown's deadline). */
    public ShutdownOptions deadline(long ms) {
        this.deadlineMs = ms;
        return this;
    }

    /** How long an idle keep-alive connection must stay quiet before it is closed. */
    public ShutdownOptions quiet(long ms) {
        this.quietMs = ms;
        return this;
    }

    /** false: do not end the loop once the server closed (the application ends it). */
    public ShutdownOptions exit(boolean exit) {
        this.exit = exit;
        return this;
    }

    public ShutdownOptions exitCode(int code) {
        this.exitCode = code;
        return this;
    }

    /** Runs on the loop once the server closed, before the exit (close pools, flush logs). */
    public ShutdownOptions onClosed(Task task) {
        this.onClosed = task;
        return this;
    }

    /** The signals that begin the shutdown, by Node's names. */
    public ShutdownOptions signals(String... names) {
        this.signals = List.of(names);
        return this;
    }
}
