package dev.eventide.web;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Catches process signals (SIGTERM, SIGINT) for {@link Health#gracefulShutdown}, since the core
 * has no signal events yet. It uses the JDK's {@code sun.misc.Signal} (module jdk.unsupported)
 * through reflection, so this module needs no {@code requires} for it and still loads where that
 * module is absent; the handler runs on the JVM's signal thread, so callers hand the work to
 * their loop. Any thread.
 */
final class Signals {
    private Signals() {
    }

    /**
     * Replaces the JVM's handling of each signal ("SIGTERM", "SIGINT" or "TERM", ...) with
     * {@code handler}, which receives the Node-style name. Returns an action that puts the
     * previous handlers back, or null when signals cannot be caught here (no jdk.unsupported in
     * the module graph, or a signal the JVM reserves), in which case nothing was changed.
     */
    static Runnable install(List<String> names, Consumer<String> handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> signalHandler = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, signalHandler);
            List<Object[]> previous = new ArrayList<>();
            try {
                for (String name : names) {
                    String bare = name.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
                    Object sig = signal.getConstructor(String.class).newInstance(bare);
                    Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {signalHandler},
                            (p, m, args) -> dispatch(p, m, args, "SIG" + bare, handler));
                    previous.add(new Object[] {sig, handle.invoke(null, sig, proxy)});
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                restore(handle, previous);
                return null;
            }
            return () -> restore(handle, previous);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static Object dispatch(Object proxy, Method m, Object[] args, String name, Consumer<String> handler) {
        return switch (m.getName()) {
            case "handle" -> {
                handler.accept(name);
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "SignalHandler[" + name + "]";
        };
    }

    private static void restore(Method handle, List<Object[]> previous) {
        for (Object[] p : previous) {
            try {
                handle.invoke(null, p[0], p[1]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Best effort: the process is ending or the signal was never ours.
            }
        }
    }

    /** Sends {@code name} to this process (for tests); false when signals are not available. */
    static boolean raise(String name) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Object sig = signal.getConstructor(String.class).newInstance(name.replaceFirst("^SIG", ""));
            signal.getMethod("raise", signal).invoke(null, sig);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
