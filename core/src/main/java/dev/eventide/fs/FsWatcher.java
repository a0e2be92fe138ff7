package dev.eventide.fs;

import dev.eventide.events.EventEmitter;
import dev.eventide.loop.EventLoop;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

/**
 * Node's fs.FSWatcher: an EventEmitter that reports changes under a path as
 * {@code 'change'(eventType, filename)}, where eventType is "rename" (created or deleted) or
 * "change" (modified). Created and closed on its loop's thread; a daemon thread of its own waits on
 * the JDK's WatchService (inotify on Linux) and posts each event to the loop with
 * {@code loop.execute}. While open it keeps the loop alive; {@link #close()} stops it and emits
 * 'close'.
 *
 * <p>Linux has no recursive inotify, so {@code recursive} registers every directory under the
 * path, and each directory created later, as Node 20 does on Linux.
 */
public final class FsWatcher extends EventEmitter {
    private final EventLoop loop;
    private final Path root;
    /** Set when watching a single file: only events for this name are reported. */
    private final String fileName;
    private final boolean recursive;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    FsWatcher(EventLoop loop, String path, boolean recursive) {
        this.loop = loop;
        this.recursive = recursive;
        Path p = PathArgs.of(path);
        if (!java.nio.file.Files.exists(p)) {
            throw FsErrors.uv(FsErrno.ENOENT, "watch", path, null);
        }
        boolean isDir = java.nio.file.Files.isDirectory(p);
        this.root = isDir ? p : p.toAbsolutePath().getParent();
        this.fileName = isDir ? null : p.getFileName().toString();
        try {
            this.service = p.getFileSystem().newWatchService();
            register(root, recursive && isDir);
        } catch (IOException e) {
            throw FsErrors.map(e, "watch", path, null);
        }
        loop.ref();
        Thread t = new Thread(this::poll, "eventide-fs-watch");
        t.setDaemon(true);
        t.start();
    }

    private void register(Path dir, boolean all) throws IOException {
        if (all) {
            try (Stream<Path> tree = java.nio.file.Files.walk(dir)) {
                for (Path d : (Iterable<Path>) tree.filter(x -> java.nio.file.Files.isDirectory(x,
                        LinkOption.NOFOLLOW_LINKS))::iterator) {
                    register(d, false);
                }
            }
            return;
        }
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        dirs.put(key, dir);
    }

    /** The watch thread: blocks on the service until it is closed. */
    private void poll() {
        try {
            while (!closed) {
                WatchKey key = service.take();
                Path dir = dirs.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (dir != null && event.context() instanceof Path name) {
                        deliver(event.kind(), dir, dir.resolve(name));
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // close() ended the wait.
        }
    }

    private void deliver(WatchEvent.Kind<?> kind, Path dir, Path full) {
        if (recursive && kind == StandardWatchEventKinds.ENTRY_CREATE && java.nio.file.Files.isDirectory(full)) {
            try {
                register(full, true);
            } catch (IOException ignored) {
                // Gone again already; its creation is still reported below.
            }
        }
        String name = fileName != null ? full.getFileName().toString() : root.relativize(full).toString();
        if (fileName != null && !fileName.equals(name)) {
            return;
        }
        String type = kind == StandardWatchEventKinds.ENTRY_MODIFY ? "change" : "rename";
        try {
            loop.execute(() -> {
                if (!closed) {
                    emit("change", type, name);
                }
            });
        } catch (RejectedExecutionException finished) {
            closed = true;
        }
    }

    /** Stops watching; 'close' is emitted in a nextTick, and the loop is no longer kept alive. */
    public void close() {
        loop.checkOwner("FsWatcher.close");
        if (closed) {
            return;
        }
        closed = true;
        try {
            service.close();
        } catch (IOException ignored) {
            // Nothing more can be reported for a watcher being closed.
        }
        loop.unref();
        loop.nextTick(() -> emit("close"));
    }

    /** Node's watcher.ref()/unref() are not offered yet: a watcher always keeps the loop alive. */
    public boolean isClosed() {
        return closed;
    }
}
