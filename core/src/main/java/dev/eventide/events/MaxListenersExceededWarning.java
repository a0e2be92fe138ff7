package dev.eventide.events;

import dev.eventide.loop.ProcessWarning;
import java.util.Arrays;

/**
 * Node's MaxListenersExceededWarning: an emitter got more listeners for one event than its
 * limit. Its stack trace is the point where the listener over the limit was added (frames
 * inside the events package are dropped, so the first frame is the caller's). Immutable.
 */
public final class MaxListenersExceededWarning extends ProcessWarning {
    private static final long serialVersionUID = 1L;

    private final transient EventEmitter emitter;
    private final transient Object eventType;
    private final int count;

    MaxListenersExceededWarning(EventEmitter emitter, Object eventType, int count, int max) {
        super("MaxListenersExceededWarning", "Possible EventEmitter memory leak detected. " + count + " "
                + Inspect.eventName(eventType) + " listeners added to [" + Inspect.className(emitter)
                + "]. MaxListeners is " + max + ". Use emitter.setMaxListeners() to increase limit", null);
        this.emitter = emitter;
        this.eventType = eventType;
        this.count = count;
        StackTraceElement[] stack = getStackTrace();
        int skip = 0;
        while (skip < stack.length - 1 && isRegistrationFrame(stack[skip])) {
            skip++;
        }
        setStackTrace(Arrays.copyOfRange(stack, skip, stack.length));
    }

    /** A frame of the emitter's own registration path (overrides of on/once included). */
    private static boolean isRegistrationFrame(StackTraceElement f) {
        String c = f.getClassName();
        if (c.equals(MaxListenersExceededWarning.class.getName()) || c.startsWith(EventEmitter.class.getName())) {
            return true;
        }
        return REGISTRATION_METHODS.contains(f.getMethodName());
    }

    private static final java.util.Set<String> REGISTRATION_METHODS = java.util.Set.of("on", "addListener",
            "once", "prependListener", "prependOnceListener");

    /** Node's {@code warning.emitter}: the emitter that has too many listeners. */
    public EventEmitter emitter() {
        return emitter;
    }

    /** Node's {@code warning.type}: the event name (named so, as {@link #type()} is the warning's name). */
    public Object eventType() {
        return eventType;
    }

    /** Node's {@code warning.count}: how many listeners the event had when the warning was made. */
    public int count() {
        return count;
    }
}
