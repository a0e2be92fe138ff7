package dev.eventide.events;

/** The few bits of Node's util.inspect that event messages need. Stateless. */
final class Inspect {
    private Inspect() {}

    /** As JavaScript's {@code String(type)} for an event name. */
    static String eventName(Object event) {
        return String.valueOf(event);
    }

    /** As {@code inspect(value)} for the primitives an 'error' event may carry. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof CharSequence s) {
            return "'" + s + "'";
        }
        return v.toString();
    }

    /** The constructor name Node prints, skipping anonymous classes. */
    static String className(Object o) {
        Class<?> c = o.getClass();
        while (c.getSimpleName().isEmpty() && c.getSuperclass() != null) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }
}
