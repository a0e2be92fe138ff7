package dev.eventide.loop;

/**
 * Thrown by {@code Proc.exit(code)} to unwind the loop thread's stack after the {@code exit}
 * event, so that no further code runs, as {@code process.exit} never returns in Node. It is an
 * {@link Error} so that {@code catch (Exception e)} does not swallow it; do not catch it.
 */
public final class ProcessExit extends Error {
    private static final long serialVersionUID = 1L;

    private final int code;

    ProcessExit(int code) {
        super("process exit with code " + code, null, false, false);
        this.code = code;
    }

    /** The exit code the process ends with. */
    public int code() {
        return code;
    }
}
