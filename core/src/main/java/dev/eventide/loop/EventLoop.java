package dev.eventide.loop;

import java.util.List;

/** Placeholder while the loop is written; the signatures below are the contract. */
public final class EventLoop {
    private EventLoop() {}

    /**
     * Runs {@code main} as the loop's first task on the calling thread, then the loop until
     * nothing keeps it alive, and returns the process exit code (never calls System.exit).
     */
    public static int run(Runnable main) {
        return run(List.of(), main);
    }

    /** As {@link #run(Runnable)}, with Node's {@code process.argv} (exec path, script, args...). */
    public static int run(List<String> argv, Runnable main) {
        main.run();
        return 0;
    }
}
