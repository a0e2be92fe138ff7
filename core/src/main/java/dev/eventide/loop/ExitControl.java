package dev.eventide.loop;

/**
 * How a loop ends: the exit code, the one-time 'exit' event, and Node's handling of an error
 * that no callback caught (lib/internal/process/execution.js and src/node_errors.cc). Loop
 * thread only.
 *
 * <pre>
 *   uncaught error --> 'uncaughtException' listeners? --yes--> go on (an immediate is queued)
 *                                 | no                 \--a listener throws--> exit 7, no 'exit'
 *                                 v
 *                 'exit'(1) once, stack trace on stderr, exit with process.exitCode
 * </pre>
 */
final class ExitControl {
    private final EventLoop loop;
    /** Node's process.exitCode: what the process ends with unless exit(code) says otherwise. */
    int exitCode;
    /** Set once 'exit' is being emitted or process.exit was called; nothing more runs. */
    boolean exiting;

    ExitControl(EventLoop loop) {
        this.loop = loop;
    }

    void reportUncaught(Throwable error, String origin) {
        if (error instanceof ProcessExit exit) {
            throw exit;
        }
        boolean handled;
        try {
            handled = loop.hooks().uncaughtException(error, origin);
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable inHandler) {
            inHandler.printStackTrace();
            exiting = true;
            throw new ProcessExit(7);
        }
        if (handled) {
            // As Node: make sure the ticks left behind get a callback to drain after.
            loop.setImmediate(() -> { });
            return;
        }
        if (!exiting) {
            exiting = true;
            exitCode = 1;
            try {
                loop.hooks().exit(1);
            } catch (Throwable ignored) {
                // Nothing more can be done with an error from an exit listener here.
            }
        }
        error.printStackTrace();
        throw new ProcessExit(exitCode);
    }

    /** The natural end: 'exit' with the exit code, once. */
    void emitExit() {
        if (exiting) {
            return;
        }
        exiting = true;
        try {
            loop.hooks().exit(exitCode);
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable t) {
            exiting = false;
            reportUncaught(t, "uncaughtException");
        }
    }

    /** Node's process.exit(code): 'exit' (unless already emitting it), then unwind. */
    void exit(int code) {
        exitCode = code;
        if (!exiting) {
            exiting = true;
            loop.hooks().exit(code);
        }
        throw new ProcessExit(exitCode);
    }
}
