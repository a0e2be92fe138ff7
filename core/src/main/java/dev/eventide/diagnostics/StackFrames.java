package dev.eventide.diagnostics;

/**
 * Names the interesting frames of a captured loop-thread stack. Stateless.
 *
 * <p>The loop thread's stack reads, innermost first: JDK frames (Thread.sleep, a regex
 * engine...), the application's frames, then Eventide's own frames down to {@code runMain}.
 * The handler is the application frame that Eventide called, found by walking outwards from
 * the innermost application frame until an Eventide frame: the callback the loop (or a promise
 * job, or an emitter) invoked.
 */
final class StackFrames {
    private StackFrames() {}

    static String handler(StackTraceElement[] stack) {
        int i = 0;
        while (i < stack.length && !isApplication(stack[i])) {
            i++; // JDK or Eventide code the application called into
        }
        if (i == stack.length) {
            return stack.length > 0 ? format(stack[0]) : "an unknown callback";
        }
        int handler = i;
        for (; i < stack.length && !isEventide(stack[i]); i++) {
            if (isApplication(stack[i])) {
                handler = i; // walk outwards through the application's frames to Eventide's
            }
        }
        return format(stack[handler]);
    }

    private static boolean isApplication(StackTraceElement f) {
        return !isJdk(f) && !isEventide(f);
    }

    static String blocking(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (!isJdk(f) && !isEventide(f)) {
                return format(f);
            }
        }
        return stack.length > 0 ? format(stack[0]) : "?";
    }

    /**
     * Eventide's own frames. Test classes beside the code ({@code ...Test}) count as application
     * frames, so that the tests see what a user's program sees.
     */
    static boolean isEventide(StackTraceElement f) {
        String c = f.getClassName();
        int nested = c.indexOf('$');
        String top = nested < 0 ? c : c.substring(0, nested);
        return c.startsWith("dev.eventide.") && !top.endsWith("Test");
    }

    static boolean isJdk(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.");
    }

    static String format(StackTraceElement f) {
        String file = f.getFileName() == null ? "Unknown Source"
                : f.getLineNumber() >= 0 ? f.getFileName() + ":" + f.getLineNumber() : f.getFileName();
        return f.getClassName() + "." + f.getMethodName() + "(" + file + ")";
    }
}
