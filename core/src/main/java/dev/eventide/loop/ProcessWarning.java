package dev.eventide.loop;

/**
 * A process warning, as Node's {@code process.emitWarning(message, type, code)} makes: its
 * {@link #type()} is Node's {@code warning.name} (for example {@code MaxListenersExceededWarning}).
 * Immutable.
 */
public class ProcessWarning extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String code;

    public ProcessWarning(String type, String message, String code) {
        super(message, null, false, true);
        this.type = type == null ? "Warning" : type;
        this.code = code;
    }

    public ProcessWarning(String message) {
        this("Warning", message, null);
    }

    /** Node's {@code warning.name}. */
    public String type() {
        return type;
    }

    /** Node's {@code warning.code}, or null. */
    public String code() {
        return code;
    }

    /** The line Node prints to stderr: {@code (node:PID) [CODE] Type: message}. */
    public String formatForStderr() {
        String prefix = "(eventide:" + ProcessHandle.current().pid() + ") ";
        return prefix + (code != null ? "[" + code + "] " : "") + type + ": " + getMessage();
    }
}
