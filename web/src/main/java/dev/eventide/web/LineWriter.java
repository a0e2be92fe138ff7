package dev.eventide.web;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A sink for log lines that never blocks its callers: {@link #accept} appends the line to a
 * bounded in-memory queue and returns; one daemon thread ("eventide-log-writer") takes
 * everything queued and writes it with a single write call, so a slow terminal or a full pipe
 * stalls that thread, never an event loop. Lines keep their order (one writer, one queue),
 * unlike writes handed to the worker pool, which may run in parallel.
 *
 * <p>When the reader cannot keep up and {@code maxPending} bytes wait, new lines are dropped
 * and counted, and a {@code {"dropped":N}} line says so once the queue has room again, as
 * pino's asynchronous destination trades completeness for a loop that keeps serving. A JVM
 * shutdown hook drains the queue for up to a second so the last requests are logged.
 * Any thread.
 */
public final class LineWriter implements Consumer<String> {
    private static volatile LineWriter stdout;

    private final OutputStream out;
    private final long maxPending;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    /** Bytes in {@link #queue}; guarded by the queue's monitor, as are the fields below. */
    private long pending;
    private long dropped;
    /** True while the writer thread holds a batch it has not finished writing. */
    private boolean writing;

    /** A writer to {@code out}, dropping lines past {@code maxPending} queued bytes. */
    public LineWriter(OutputStream out, long maxPending) {
        this.out = out;
        this.maxPending = Math.min(maxPending, 1L << 30); // one batch must fit an array
        Thread t = new Thread(this::run, "eventide-log-writer");
        t.setDaemon(true);
        t.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drain(1000), "eventide-log-drain"));
    }

    /** The process-wide writer to standard output (file descriptor 1), 8 MiB of backlog. */
    public static LineWriter stdout() {
        LineWriter w = stdout;
        if (w == null) {
            synchronized (LineWriter.class) {
                if (stdout == null) {
                    stdout = new LineWriter(new FileOutputStream(FileDescriptor.out), 8L << 20);
                }
                w = stdout;
            }
        }
        return w;
    }

    /** Queues {@code line} plus a newline; never blocks. */
    @Override
    public void accept(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (queue) {
            if (pending + bytes.length > maxPending) {
                dropped++;
                return;
            }
            if (dropped > 0) {
                byte[] note = ("{\"dropped\":" + dropped + "}\n").getBytes(StandardCharsets.UTF_8);
                queue.add(note);
                pending += note.length;
                dropped = 0;
            }
            queue.add(bytes);
            pending += bytes.length;
            queue.notifyAll();
        }
    }

    /** Lines dropped since the last "dropped" note was queued. */
    public long dropped() {
        synchronized (queue) {
            return dropped;
        }
    }

    private void run() {
        while (true) {
            byte[] batch;
            synchronized (queue) {
                while (queue.isEmpty()) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = takeAll();
                writing = true;
            }
            try {
                out.write(batch);
                out.flush();
            } catch (IOException e) {
                // A closed stdout (EPIPE): logging has nowhere to go; keep the service running.
            }
            synchronized (queue) {
                writing = false;
                queue.notifyAll();
            }
        }
    }

    private byte[] takeAll() {
        byte[] all = new byte[(int) pending];
        int at = 0;
        for (byte[] b; (b = queue.poll()) != null;) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        pending = 0;
        return all;
    }

    /** Waits until everything queued is written, or {@code ms} passed; for shutdown and tests. */
    public void drain(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        synchronized (queue) {
            while (!queue.isEmpty() || writing) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return;
                }
                try {
                    queue.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
