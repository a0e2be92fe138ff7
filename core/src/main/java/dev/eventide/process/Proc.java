package dev.eventide.process;

import dev.eventide.events.EventEmitter;
import dev.eventide.events.Listener;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.ProcessWarning;
import dev.eventide.loop.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Node's {@code process} for the loop running on the calling thread: events, nextTick, exit
 * codes, argv and env. ({@code Process} is taken by java.lang.) Loop thread only.
 *
 * <pre>
 *   Proc.on("exit", args -> System.out.println("exit:" + args[0]));
 *   Proc.nextTick(() -> System.out.println("tick"));
 * </pre>
 */
public final class Proc {
    private static final long START_NANOS = System.nanoTime();

    private Proc() {}

    /** The process object (an EventEmitter) of the current loop. */
    public static ProcessObject object() {
        if (EventLoop.current().hooks() instanceof ProcessObject p) {
            return p;
        }
        throw dev.eventide.errors.ErrorCode.ERR_NO_PROCESS.make();
    }

    public static EventEmitter on(String event, Listener listener) {
        return object().on(event, listener);
    }

    public static EventEmitter once(String event, Listener listener) {
        return object().once(event, listener);
    }

    public static EventEmitter off(String event, Listener listener) {
        return object().off(event, listener);
    }

    public static boolean emit(String event, Object... args) {
        return object().emit(event, args);
    }

    public static int listenerCount(String event) {
        return object().listenerCount(event);
    }

    /** Runs {@code callback} after the current operation, before promise jobs and any I/O. */
    public static void nextTick(Task callback) {
        EventLoop.current().nextTick(callback);
    }

    /** Node's {@code process.exitCode}: the code used when the process ends on its own. */
    public static int exitCode() {
        return EventLoop.current().exitCode();
    }

    public static void exitCode(int code) {
        EventLoop.current().exitCode(code);
    }

    /** Emits 'exit' with {@link #exitCode()} and ends the process; never returns. */
    public static void exit() {
        EventLoop loop = EventLoop.current();
        loop.exit(loop.exitCode());
    }

    /** Sets the exit code, emits 'exit' and ends the process; never returns. */
    public static void exit(int code) {
        EventLoop.current().exit(code);
    }

    /** Node's {@code process.emitWarning(message)}. */
    public static void emitWarning(String message) {
        emitWarning(message, "Warning", null);
    }

    /** Node's {@code process.emitWarning(message, type, code)}. */
    public static void emitWarning(String message, String type, String code) {
        dev.eventide.errors.Errors.requireNonNull(message, "warning", "of type string or an instance of Error");
        EventLoop.current().emitWarning(new ProcessWarning(type, message, code));
    }

    /** [exec path, script path, args...], as Node's {@code process.argv}. */
    public static List<String> argv() {
        return EventLoop.current().argv();
    }

    public static Map<String, String> env() {
        return System.getenv();
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Node's names: linux, darwin, win32... */
    public static String platform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            return "win32";
        }
        if (os.startsWith("mac")) {
            return "darwin";
        }
        return os.replace(" ", "");
    }

    public static String cwd() {
        return Path.of("").toAbsolutePath().toString();
    }

    /** Monotonic time in nanoseconds (Node's {@code process.hrtime.bigint()}). */
    public static long hrtimeBigint() {
        return System.nanoTime();
    }

    /** Seconds since the process started. */
    public static double uptime() {
        return (System.nanoTime() - START_NANOS) / 1e9;
    }

    /** Resident set size in bytes, from /proc where available, else the JVM's committed memory. */
    public static long rss() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(statm[1]) * 4096L;
        } catch (Exception e) {
            Runtime rt = Runtime.getRuntime();
            return rt.totalMemory();
        }
    }

    static boolean noWarnings() {
        return "1".equals(System.getenv("NODE_NO_WARNINGS")) || Boolean.getBoolean("eventide.noWarnings");
    }
}
