package dev.eventide.loop;

/**
 * What the loop asks of the process object: where uncaught errors, unhandled rejections,
 * warnings and the exit events go. The process package provides it (a service, so the loop
 * package does not depend on it); without one, {@link #DEFAULTS} prints and exits as Node would
 * with no listeners. Called on the loop's thread only.
 */
public interface LoopHooks {
    /** Emits {@code uncaughtException}; returns false when nobody listens. */
    boolean uncaughtException(Throwable error, String origin);

    /** Emits {@code unhandledRejection}; returns false when nobody listens. */
    boolean unhandledRejection(Throwable reason, Object promise);

    /** Emits {@code rejectionHandled}; returns false when nobody listens. */
    boolean rejectionHandled(Object promise);

    /** Emits {@code warning}. */
    void warning(ProcessWarning warning);

    /** Emits {@code beforeExit} with the exit code. */
    void beforeExit(int code);

    /** Emits {@code exit} with the exit code. */
    void exit(int code);

    /** Makes the hooks for one loop; found with {@link java.util.ServiceLoader}. */
    interface Provider {
        LoopHooks create(EventLoop loop);
    }

    /** Node's behaviour with no listeners at all. */
    LoopHooks DEFAULTS = new LoopHooks() {
        @Override
        public boolean uncaughtException(Throwable error, String origin) {
            return false;
        }

        @Override
        public boolean unhandledRejection(Throwable reason, Object promise) {
            return false;
        }

        @Override
        public boolean rejectionHandled(Object promise) {
            return false;
        }

        @Override
        public void warning(ProcessWarning warning) {
            System.err.println(warning.formatForStderr());
        }

        @Override
        public void beforeExit(int code) {}

        @Override
        public void exit(int code) {}
    };
}
