package dev.eventide.loop;

import dev.eventide.errors.Errors;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event loop, with Node's phases and microtask rules. Runs on the thread that calls
 * {@link #run}; every other thread reaches it only through {@link #execute}.
 *
 * <p>{@link #runLoop()} is libuv's {@code uv_run}: timers once before the first iteration, then
 * pending callbacks, poll, check, close callbacks and timers while anything keeps the loop
 * alive. Each callback the loop invokes is followed by a microtask drain ({@link #invoke}).
 */
public final class EventLoop implements Executor {
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    private final LoopClock clock;
    private final long originNanos;
    private final List<String> argv;
    private final TimerQueue timers = new TimerQueue(this);
    private final ImmediateQueue immediates = new ImmediateQueue(this);
    private final Microtasks microtasks = new Microtasks(this);
    private final Poller poller = new Poller(this);
    private final ArrayDeque<Task> pending = new ArrayDeque<>();
    /** Close callbacks for this iteration's close phase; run newest first, as libuv's list. */
    private ArrayDeque<Task> closing = new ArrayDeque<>();
    /** Per-loop values for handles (a read buffer, a Date cache), made on first use. */
    private final java.util.Map<Object, Object> locals = new java.util.IdentityHashMap<>();
    private LoopHooks hooks = LoopHooks.DEFAULTS;
    private volatile Thread thread;
    /** Cached loop time in ms, refreshed once per iteration and after poll (libuv's loop->time). */
    private long now;
    /** I/O handles and other keep-alive references held on this loop. */
    private int refHandles;
    /** Outstanding requests (worker-pool work, foreign futures) that keep the loop alive. */
    private int activeRequests;
    /** Exit code and the exiting flag, and what happens on an uncaught error. */
    private final ExitControl exits = new ExitControl(this);
    private volatile boolean finished;
    /** See {@link #callbackSequence()}; written with opaque stores (no fence on the hot path). */
    private final AtomicLong callbackSeq = new AtomicLong();
    private long loopCount;

    private EventLoop(LoopClock clock, List<String> argv) {
        this.clock = clock;
        this.originNanos = clock.nanoTime();
        this.argv = List.copyOf(argv);
    }

    /** A loop with the real clock; run it with {@link #runMain}. */
    public static EventLoop create(List<String> argv) {
        return new EventLoop(LoopClock.SYSTEM, argv);
    }

    /** A loop whose time comes from {@code clock} (tests advance it by hand). */
    public static EventLoop create(LoopClock clock) {
        return new EventLoop(clock, List.of());
    }

    /**
     * Runs {@code main} as the loop's first task on the calling thread, then the loop until
     * nothing keeps it alive, and returns the process exit code (never calls System.exit).
     */
    public static int run(Runnable main) {
        return run(List.of(), main);
    }

    /** As {@link #run(Runnable)}, with Node's {@code process.argv} (exec path, script, args...). */
    public static int run(List<String> argv, Runnable main) {
        Errors.requireFunction(main, "main");
        return create(argv).runMain(main::run);
    }

    /** The loop running on this thread; ERR_NO_LOOP when the thread runs none. */
    public static EventLoop current() {
        EventLoop loop = CURRENT.get();
        if (loop == null) {
            throw dev.eventide.errors.ErrorCode.ERR_NO_LOOP.make(Thread.currentThread().getName());
        }
        return loop;
    }

    /** The loop running on this thread, or null. */
    public static EventLoop currentOrNull() {
        return CURRENT.get();
    }

    /** Runs main, the loop, beforeExit rounds and exit, on the calling thread. */
    public int runMain(Task main) {
        Errors.requireFunction(main, "main");
        if (thread != null) {
            throw Errors.invalidState("this loop has already run");
        }
        thread = Thread.currentThread();
        EventLoop outer = CURRENT.get();
        CURRENT.set(this);
        try {
            hooks = loadHooks();
            updateTime();
            invoke(main);
            while (!exits.exiting) {
                runLoop();
                if (exits.exiting) {
                    break;
                }
                invoke(() -> hooks.beforeExit(exits.exitCode));
                if (!alive()) {
                    break;
                }
            }
            exits.emitExit();
        } catch (ProcessExit exit) {
            exits.exitCode = exit.code();
        } finally {
            finished = true;
            poller.close();
            CURRENT.set(outer);
        }
        return exits.exitCode;
    }

    private LoopHooks loadHooks() {
        return java.util.ServiceLoader.load(LoopHooks.Provider.class, EventLoop.class.getClassLoader()).findFirst()
                .map(p -> p.create(this)).orElse(LoopHooks.DEFAULTS);
    }

    /** libuv's uv_run(UV_RUN_DEFAULT). */
    private void runLoop() {
        boolean alive = alive();
        updateTime();
        if (alive && timers.runDue(now)) {
            drainScope();
        }
        while (alive && !exits.exiting) {
            runQueue(pending);
            loopCount++;
            poller.poll(pollTimeout());
            for (int r = 0; r < 8 && !pending.isEmpty() && !exits.exiting; r++) {
                runQueue(pending);
            }
            drainScope();
            immediates.run();
            runClosing();
            updateTime();
            if (timers.runDue(now)) {
                drainScope();
            }
            alive = alive();
        }
    }

    /**
     * libuv's uv__run_closing_handles: the handles closed so far, the most recently closed
     * first (uv_close pushes onto a list); one closed during this phase waits for the next.
     */
    private void runClosing() {
        if (closing.isEmpty()) {
            return;
        }
        ArrayDeque<Task> batch = closing;
        closing = new ArrayDeque<>();
        Task t;
        while (!exits.exiting && (t = batch.pollLast()) != null) {
            invoke(t);
        }
    }

    private void runQueue(ArrayDeque<Task> queue) {
        for (int n = queue.size(); n > 0 && !exits.exiting; n--) {
            invoke(queue.poll());
        }
    }

    /** libuv's uv__backend_timeout: 0 when work is queued, else until the next timer, else -1. */
    private long pollTimeout() {
        if (exits.exiting || !pending.isEmpty() || immediates.refCount() > 0 || !closing.isEmpty()
                || (refHandles == 0 && activeRequests == 0 && timers.refCount() == 0)) {
            return 0;
        }
        long next = timers.nextExpiry();
        if (next < 0) {
            return -1;
        }
        // Callbacks since the last update took time: wait only what is left (Node refreshes the
        // time through getLibuvNow, so an interval's period counts from its callback's start).
        updateTime();
        return Math.max(0, next - now);
    }

    /** libuv's uv__loop_alive, with Node's timer and immediate handles folded in. */
    public boolean alive() {
        return timers.refCount() > 0 || immediates.refCount() > 0 || refHandles > 0
                || activeRequests > 0 || !pending.isEmpty() || !closing.isEmpty() || poller.hasPosted();
    }

    /**
     * Runs one callback as Node's MakeCallback does: the callback, then the microtask drain; an
     * error escaping either goes to uncaughtException handling.
     */
    boolean invoke(Task callback) {
        long seq = callbackSeq.getPlain();
        callbackSeq.setOpaque(seq + 1);
        try {
            callback.run();
            microtasks.drain();
            return true;
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Throwable t) {
            reportUncaught(t, "uncaughtException");
            return false;
        } finally {
            callbackSeq.setOpaque(seq + 2);
        }
    }

    /**
     * Drains the microtask queues outside any callback, as the close of a Node callback scope
     * that wraps a whole phase: the end of the timers phase (RunTimers) and the start of the check
     * phase (RunAndClearNativeImmediates). It matters only after a callback threw, which skips
     * that callback's own drain: what it left queued runs here, before the next phase's
     * callbacks.
     */
    private void drainScope() {
        if (!microtasks.hasPending()) {
            return;
        }
        invoke(NOTHING);
    }

    private static final Task NOTHING = () -> { };

    /**
     * Odd while a callback (with its microtask drain) runs, even between callbacks; it grows by
     * two per callback. A watchdog thread that sees the same odd value twice, some time apart,
     * knows one callback has held the loop that long. Readable from any thread.
     */
    public long callbackSequence() {
        return callbackSeq.getOpaque();
    }

    /** Nanoseconds the loop spent waiting in the poll phase (libuv's uv_metrics_idle_time). */
    public long idleTimeNanos() {
        return poller.idleNanos();
    }

    /** Loop iterations so far (libuv's uv_metrics_info loop_count). */
    public long loopCount() {
        return loopCount;
    }

    /**
     * Node's triggerUncaughtException: {@code uncaughtException} listeners, or else 'exit' with
     * code 1 (unless an exit listener set another), the stack trace on stderr, and the end.
     */
    public void reportUncaught(Throwable error, String origin) {
        exits.reportUncaught(error, origin);
    }

    /** Node's process.exit: emits 'exit' (once) and ends the loop; never returns normally. */
    public void exit(int code) {
        checkOwner("process.exit");
        exits.exit(code);
    }

    /** Node's process.exitCode. */
    public int exitCode() {
        return exits.exitCode;
    }

    public void exitCode(int code) {
        exits.exitCode = code;
    }

    /** True once the loop is ending ('exit' emitted or process.exit called). */
    public boolean stopping() {
        return exits.exiting;
    }

    // ---- scheduling API (loop thread) ----

    /** Node's setTimeout: runs {@code callback} once after {@code delay} ms. */
    public Timeout setTimeout(Task callback, double delay) {
        return startTimer(callback, delay, false);
    }

    /** Node's setInterval: runs {@code callback} every {@code delay} ms until cleared. */
    public Timeout setInterval(Task callback, double delay) {
        return startTimer(callback, delay, true);
    }

    private Timeout startTimer(Task callback, double delay, boolean repeat) {
        checkOwner("setTimeout");
        Errors.requireFunction(callback, "callback");
        Timeout t = new Timeout(this, callback, timers.coerce(delay), repeat);
        timers.start(t);
        return t;
    }

    /** Node's setImmediate: runs {@code callback} in the next check phase. */
    public Immediate setImmediate(Task callback) {
        checkOwner("setImmediate");
        Errors.requireFunction(callback, "callback");
        Immediate im = new Immediate(this, callback);
        immediates.add(im);
        return im;
    }

    /** Node's process.nextTick. */
    public void nextTick(Task callback) {
        checkOwner("process.nextTick");
        Errors.requireFunction(callback, "callback");
        microtasks.nextTick(callback);
    }

    /** Node's queueMicrotask. */
    public void queueMicrotask(Task callback) {
        checkOwner("queueMicrotask");
        Errors.requireFunction(callback, "callback");
        microtasks.queueMicrotask(callback);
    }

    /**
     * Runs {@code task} on this loop, from any thread (libuv's uv_async_send). A posted task
     * keeps the loop alive until it runs; after the loop has finished, it is rejected.
     */
    @Override
    public void execute(Runnable task) {
        Errors.requireFunction(task, "task");
        if (finished) {
            throw new RejectedExecutionException("the event loop has finished");
        }
        poller.post(() -> invoke(task::run));
    }

    /**
     * Runs {@code work} on the worker pool and then {@code done} on this loop in the poll phase,
     * with the result or the error (libuv's uv_queue_work). The request keeps the loop alive.
     */
    public <T> void queueWork(Callable<T> work, WorkDone<T> done) {
        queueWork(WorkKind.USER, work, done);
    }

    /** As {@link #queueWork(Callable, WorkDone)}, counted under {@code kind} and run on its lane. */
    public <T> void queueWork(WorkKind kind, Callable<T> work, WorkDone<T> done) {
        checkOwner("queueWork");
        Errors.requireNonNull(kind, "kind", "WorkKind");
        Errors.requireFunction(work, "work");
        Errors.requireFunction(done, "done");
        activeRequests++;
        WorkerPool.shared().submit(kind, new WorkRequest<>(work, (result, error) -> poller.post(() -> {
            activeRequests--;
            invoke(() -> done.done(result, error));
        })));
    }

    /** Receives a worker-pool result on the loop thread. */
    @FunctionalInterface
    public interface WorkDone<T> {
        void done(T result, Throwable error) throws Exception;
    }

    // ---- SPI for handles (net, fs watchers, worker ports, foreign futures) ----

    /** Counts one more handle or request keeping the loop alive (uv_ref). Loop thread only. */
    public void ref() {
        checkOwner("EventLoop.ref");
        refHandles++;
    }

    /** Releases one {@link #ref()}. Loop thread only. */
    public void unref() {
        checkOwner("EventLoop.unref");
        if (refHandles > 0) {
            refHandles--;
        }
    }

    /** Runs a callback in the next iteration's pending phase (libuv's pending queue). */
    public void queuePending(Task callback) {
        checkOwner("queuePending");
        pending.add(callback);
    }

    /**
     * Runs {@code callback} as one callback of the loop (Node's MakeCallback): then drains the
     * microtask queues; an error escaping either goes to uncaughtException handling. For handle
     * code that delivers several events from one poll wake-up. Returns false when it threw.
     */
    public boolean makeCallback(Task callback) {
        checkOwner("makeCallback");
        return invoke(callback);
    }

    /** This loop's value for {@code key}, made by {@code factory} on first use. Loop thread only. */
    public <T> T local(Object key, java.util.function.Supplier<T> factory) {
        checkOwner("EventLoop.local");
        @SuppressWarnings("unchecked")
        T value = (T) locals.computeIfAbsent(key, k -> factory.get());
        return value;
    }

    /** Runs a handle's close callback in the close phase, after this iteration's check phase. */
    public void queueClose(Task callback) {
        checkOwner("queueClose");
        closing.add(callback);
    }

    /** Registers a channel with this loop's selector; the handler runs in the poll phase. */
    public java.nio.channels.SelectionKey register(java.nio.channels.SelectableChannel channel, int ops,
            IoHandler handler) {
        checkOwner("register");
        return poller.register(channel, ops, handler);
    }

    /** SPI for promise implementations: V8's kPromiseRejectWithNoHandler. */
    public void promiseRejectedWithoutHandler(Object promise, Throwable reason) {
        microtasks.rejections.rejectedWithoutHandler(promise, reason);
    }

    /** SPI for promise implementations: V8's kPromiseHandlerAddedAfterReject. */
    public void promiseHandlerAddedAfterReject(Object promise) {
        microtasks.rejections.handlerAddedAfterReject(promise);
    }

    /** SPI for promise implementations: queues a promise job (a reaction). */
    public void enqueueJob(Runnable job) {
        microtasks.enqueueJob(job);
    }

    /** Emits a process warning (Node's process.emitWarning). */
    public void emitWarning(ProcessWarning warning) {
        hooks.warning(warning);
    }

    /** The hooks the process object installed on this loop. */
    public LoopHooks hooks() {
        return hooks;
    }

    // ---- time, threads ----

    /** The cached loop time in ms (libuv's uv_now): fixed during one phase. */
    public long now() {
        return now;
    }

    /** Refreshes the cached time from the clock (libuv's uv_update_time). */
    public void updateTime() {
        now = (clock.nanoTime() - originNanos) / 1_000_000L;
    }

    /** Nanoseconds from this loop's clock (process.hrtime). */
    public long hrtime() {
        return clock.nanoTime();
    }

    public LoopClock clock() {
        return clock;
    }

    public List<String> argv() {
        return argv;
    }

    /** The thread running this loop, or null before it starts. */
    public Thread thread() {
        return thread;
    }

    /** Whether the caller is this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Throws ERR_WRONG_THREAD unless called on this loop's thread. */
    public void checkOwner(String what) {
        if (Thread.currentThread() != thread) {
            throw Errors.wrongThread(what, thread);
        }
    }

    TimerQueue timerQueue() {
        return timers;
    }

    ImmediateQueue immediateQueue() {
        return immediates;
    }
}
