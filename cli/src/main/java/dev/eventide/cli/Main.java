package dev.eventide.cli;

import java.util.List;

/**
 * The JVM entry point of {@code bin/eventide}: runs the launcher and exits with the code the
 * program's loop returned, as {@code node} does. Runs on the JVM's main thread, which becomes
 * the program's loop thread.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = new Launcher(System.getenv(), System.out, System.err).run(List.of(args));
        System.out.flush();
        System.exit(code);
    }
}
