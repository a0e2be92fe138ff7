package dev.eventide.process;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Node's signal events: the first 'SIGINT'/'SIGTERM'/... listener on a process object installs a
 * JVM signal handler, which then delivers each signal as an event on that object's loop (through
 * {@code execute}, so it runs as a callback there, with the signal's name and number); the last
 * listener's removal puts the JVM's own handler back, which ends the process as an unhandled
 * signal does (status 128 + number). As in Node, a signal listener does not keep the loop alive.
 *
 * <p>Signals the JVM keeps for itself (SIGQUIT for thread dumps, SIGUSR1/2 on some platforms)
 * cannot be listened to; adding such a listener is ignored, with a warning. The JVM's signal
 * thread calls {@link #deliver}; everything else runs on the loop thread of the process object.
 */
final class Signals {
    /** Node's names and Linux numbers for the signals a program can usefully catch. */
    private static final Map<String, Integer> NUMBERS = Map.of(
            "SIGHUP", 1, "SIGINT", 2, "SIGQUIT", 3, "SIGUSR1", 10, "SIGUSR2", 12,
            "SIGPIPE", 13, "SIGALRM", 14, "SIGTERM", 15, "SIGWINCH", 28);
    private static final Map<String, Set<ProcessObject>> LISTENING = new ConcurrentHashMap<>();
    private static final Map<String, SignalHandler> PREVIOUS = new ConcurrentHashMap<>();

    private Signals() {
    }

    static boolean isSignal(Object event) {
        return event instanceof String s && NUMBERS.containsKey(s);
    }

    static int number(String signal) {
        return NUMBERS.get(signal);
    }

    /** Whether a JVM handler of ours is installed for {@code signal} (tests). */
    static boolean listening(String signal) {
        return PREVIOUS.containsKey(signal);
    }

    /** A listener for {@code signal} is being added to {@code process}. */
    static synchronized void start(ProcessObject process, String signal) {
        Set<ProcessObject> set = LISTENING.computeIfAbsent(signal, s -> new CopyOnWriteArraySet<>());
        if (!set.add(process) || set.size() > 1) {
            return;
        }
        try {
            PREVIOUS.put(signal, Signal.handle(new Signal(signal.substring(3)), s -> deliver(signal)));
        } catch (IllegalArgumentException e) {
            set.remove(process);
            process.loop().emitWarning(new dev.eventide.loop.ProcessWarning("Warning",
                    "the JVM keeps " + signal + " for itself: its listener will never be called", null));
        }
    }

    /** The last listener for {@code signal} was removed from {@code process}. */
    static synchronized void stop(ProcessObject process, String signal) {
        Set<ProcessObject> set = LISTENING.get(signal);
        if (set == null || !set.remove(process) || !set.isEmpty()) {
            return;
        }
        SignalHandler previous = PREVIOUS.remove(signal);
        if (previous != null) {
            Signal.handle(new Signal(signal.substring(3)), previous);
        }
    }

    /** On the JVM's signal thread: hands the signal to every listening loop. */
    private static void deliver(String signal) {
        boolean delivered = false;
        for (ProcessObject process : LISTENING.getOrDefault(signal, Set.of())) {
            try {
                process.loop().execute(() -> process.emit(signal, signal, number(signal)));
                delivered = true;
            } catch (RejectedExecutionException finished) {
                stop(process, signal); // that loop has ended: it listens no more
            }
        }
        if (!delivered) {
            // Nobody is left to hear it: behave as an unhandled signal does.
            System.exit(128 + number(signal));
        }
    }
}
