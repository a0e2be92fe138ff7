package dev.eventide.net;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.IoHandler;
import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One stream socket (TCP or Unix-domain) on its loop's selector: libuv's uv_tcp_t/uv_pipe_t
 * stream, for NIO. Runs on its loop's thread only; it reports to its {@link SocketOwner} (the
 * NetSocket) from the poll and pending phases.
 *
 * <pre>
 * read:     readStart -> OP_READ -> one read into the loop's direct buffer -> onRead gets its n
 *           bytes in the loop's read array and copies what it keeps; a full buffer reads again
 *           from the pending phase (libuv reads up to 32 times)
 * write:    write(buffers) writes what the kernel takes now (uv_try_write); the rest waits for
 *           OP_WRITE and its callback runs in the poll phase; one write request at a time
 * shutdown: after the writes, from the pending phase (libuv feeds the watcher), then callback
 * connect:  connect() -> OP_CONNECT (or OP_WRITE when it finished at once, as libuv waits for
 *           POLLOUT); an immediate failure is reported from the pending phase
 * close:    the channel closes now; cancelled callbacks and the close callback run in the close phase
 * </pre>
 *
 * <p>Keep-alive follows libuv: reading keeps the loop alive only while ref'd; a connect, write
 * or shutdown request keeps it alive regardless.
 */
final class SocketHandle implements IoHandler {
    /** A write or shutdown request's completion: null on success. */
    @FunctionalInterface
    interface Done {
        void done(IOException error);
    }

    static final int READ_SIZE = LoopBuffers.READ_SIZE;
    private static final int MAX_READS = 32;
    static final int WRITE_SIZE = LoopBuffers.WRITE_SIZE;

    final EventLoop loop;
    final SocketChannel channel;
    final boolean unix;
    private final SelectionKey key;
    private SocketOwner owner;
    /** The interest set last given to the key (saves a call per change). */
    private int interest;
    /** readStart() was called and no EOF, error or readStop() since. */
    private boolean reading;
    private boolean connecting;
    /** connect() finished at once: report it on the first writable event, as libuv waits for POLLOUT. */
    private boolean connectedAtOnce;
    private boolean closed;
    private boolean refed = true;
    /** Whether this handle currently holds one loop.ref(). */
    private boolean holdsRef;
    /** Reads done in this burst; a burst ends on a short read or after MAX_READS. */
    private int readsInBurst;
    /** The buffers of the write in progress (the kernel took only part), or null. */
    private ByteBuffer[] writeQueue;
    private Done writeDone;
    private Done shutdownDone;
    private boolean shut;
    long bytesRead;
    long bytesWritten;
    /** The loop thread's buffers, fetched on the first read or write (on the loop thread). */
    private LoopBuffers buffers;

    private SocketHandle(EventLoop loop, SocketChannel channel, boolean unix) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.unix = unix;
        channel.configureBlocking(false);
        this.key = loop.register(channel, 0, this);
    }

    /** A handle for a socket the server accepted. */
    static SocketHandle accepted(EventLoop loop, SocketChannel channel, boolean unix) throws IOException {
        return new SocketHandle(loop, channel, unix);
    }

    /** A fresh socket of {@code family}, registered and ready to bind or connect. */
    static SocketHandle open(EventLoop loop, ProtocolFamily family) throws IOException {
        SocketChannel ch = SocketChannel.open(family);
        try {
            return new SocketHandle(loop, ch, family == StandardProtocolFamily.UNIX);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    void owner(SocketOwner owner) {
        this.owner = owner;
    }

    void bind(SocketAddress local) throws IOException {
        channel.bind(local);
    }

    // ---- connect ----

    void connect(SocketAddress remote) {
        connecting = true;
        try {
            connectedAtOnce = channel.connect(remote);
        } catch (IOException e) {
            // libuv keeps the error and feeds the watcher: connect_cb runs from the pending phase.
            loop.queuePending(() -> connected(e));
        }
        update();
    }

    private void connected(IOException error) {
        if (closed || !connecting) {
            return;
        }
        connecting = false;
        connectedAtOnce = false;
        update();
        owner.onConnect(error);
    }

    private void finishConnect() {
        IOException error = null;
        try {
            if (!connectedAtOnce && !channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            error = e;
        }
        connected(error);
    }

    // ---- reading ----

    boolean reading() {
        return reading;
    }

    void readStart() {
        if (!closed && !reading) {
            reading = true;
            update();
        }
    }

    void readStop() {
        if (reading) {
            reading = false;
            update();
        }
    }

    @Override
    public void ready(SelectionKey k) {
        int ops = k.readyOps();
        if (connecting) {
            finishConnect();
            return;
        }
        if ((ops & SelectionKey.OP_READ) != 0 && reading) {
            readsInBurst = 0;
            readOnce();
        }
        if (!closed && (ops & SelectionKey.OP_WRITE) != 0 && writeQueue != null) {
            flush();
        }
    }

    /** One read: copy the bytes out of the loop's buffer into the chunk the socket keeps. */
    private void readOnce() {
        ByteBuffer buf = buffers().read;
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            readStop();
            owner.onReadError(e);
            return;
        }
        if (n > 0) {
            bytesRead += n;
            byte[] data = buffers.readArray;
            buf.flip().get(data, 0, n);
            owner.onRead(data, n);
            if (n == buf.capacity() && ++readsInBurst < MAX_READS) {
                // More is likely waiting: read again as a callback of its own (a microtask drain
                // between reads, as libuv's repeated read_cb calls get), before the check phase.
                loop.queuePending(this::readMore);
            }
        } else if (n < 0) {
            readStop();
            owner.onEof();
        }
    }

    private LoopBuffers buffers() {
        LoopBuffers b = buffers;
        return b != null ? b : (buffers = LoopBuffers.current());
    }

    private void readMore() {
        if (reading && !closed) {
            readOnce();
        }
    }

    // ---- writing ----

    /**
     * Writes {@code buffers} (gathered): what the kernel takes now is written at once; returns
     * true when some is left for the poll phase, in which case {@code done} runs then. When
     * everything was written, or on an error, {@code done} has already run when this returns.
     */
    boolean write(ByteBuffer[] buffers, Done done) {
        try {
            writeSome(buffers);
        } catch (IOException e) {
            done.done(e);
            return false;
        }
        if (!hasRemaining(buffers)) {
            done.done(null);
            return false;
        }
        writeQueue = buffers;
        writeDone = done;
        update();
        return true;
    }

    /**
     * Writes {@code length} bytes of {@code array} from {@code offset}, as write(buffers) does
     * for one buffer: copied into the loop's direct write buffer and written with a plain
     * write (the JDK would copy a heap buffer into a temporary direct one anyway). Only when
     * the kernel takes part of it does the rest get a buffer of its own and wait for OP_WRITE.
     */
    boolean write(byte[] array, int offset, int length, Done done) {
        if (length > WRITE_SIZE) {
            return write(new ByteBuffer[] {ByteBuffer.wrap(array, offset, length)}, done);
        }
        int written;
        try {
            written = writeNow(array, offset, length);
        } catch (IOException e) {
            done.done(e);
            return false;
        }
        if (written == length) {
            done.done(null);
            return false;
        }
        writeQueue = new ByteBuffer[] {ByteBuffer.wrap(array, offset + written, length - written)};
        writeDone = done;
        update();
        return true;
    }

    /**
     * What the kernel takes of the bytes now (libuv's uv_try_write): never queues, and 0 when
     * a write is in progress, the sending side is shut or the write fails (a write() of the
     * same bytes then reports the error the usual way).
     */
    int tryWrite(byte[] array, int offset, int length) {
        if (closed || shut || writeQueue != null || length > WRITE_SIZE) {
            return 0;
        }
        try {
            return writeNow(array, offset, length);
        } catch (IOException e) {
            return 0;
        }
    }

    private int writeNow(byte[] array, int offset, int length) throws IOException {
        ByteBuffer direct = buffers().write;
        direct.clear();
        direct.put(array, offset, length).flip();
        while (direct.hasRemaining()) {
            int n = channel.write(direct);
            if (n <= 0) {
                break;
            }
            bytesWritten += n;
        }
        return direct.position();
    }

    private void writeSome(ByteBuffer[] buffers) throws IOException {
        while (hasRemaining(buffers)) {
            long n = channel.write(buffers);
            if (n <= 0) {
                return;
            }
            bytesWritten += n;
        }
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (int i = buffers.length - 1; i >= 0; i--) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of the current write still waiting for the kernel (libuv's write_queue_size). */
    long queuedBytes() {
        long n = 0;
        if (writeQueue != null) {
            for (ByteBuffer b : writeQueue) {
                n += b.remaining();
            }
        }
        return n;
    }

    private void flush() {
        IOException error = null;
        try {
            writeSome(writeQueue);
            if (hasRemaining(writeQueue)) {
                return;
            }
        } catch (IOException e) {
            error = e;
        }
        Done done = writeDone;
        writeQueue = null;
        writeDone = null;
        update();
        done.done(error);
        if (shutdownDone != null && !closed) {
            drain();
        }
    }

    // ---- shutdown ----

    /**
     * libuv's uv_shutdown: ends the sending side once the writes are out; false (ENOTCONN) when
     * there is nothing to shut down, else {@code done} runs later from the pending phase.
     */
    boolean shutdown(Done done) {
        if (closed || shut || shutdownDone != null || connecting) {
            return false;
        }
        shutdownDone = done;
        if (writeQueue == null) {
            loop.queuePending(this::drain);
        }
        update();
        return true;
    }

    private void drain() {
        if (closed || shutdownDone == null) {
            return;
        }
        Done done = shutdownDone;
        shutdownDone = null;
        shut = true;
        IOException error = null;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            error = e;
        }
        update();
        done.done(error);
    }

    // ---- close ----

    boolean closed() {
        return closed;
    }

    /**
     * Closes the channel now; in the close phase, cancelled write/shutdown requests complete
     * (as libuv's ECANCELED callbacks do) and then {@code onClose} runs.
     */
    void close(Runnable onClose) {
        if (closed) {
            return;
        }
        closed = true;
        reading = false;
        connecting = false;
        Done write = writeDone;
        Done shutdown = shutdownDone;
        writeQueue = null;
        writeDone = null;
        shutdownDone = null;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The descriptor is gone either way; nothing to report to anyone.
        }
        update();
        loop.queueClose(() -> {
            if (write != null) {
                write.done(null);
            }
            if (shutdown != null) {
                shutdown.done(null);
            }
            onClose.run();
        });
    }

    /** Closes with SO_LINGER 0, so that the peer gets a reset (RST) instead of an orderly end. */
    void reset(Runnable onClose) {
        if (!closed && !unix) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // Then it closes normally; the peer sees an end instead of a reset.
            }
        }
        close(onClose);
    }

    // ---- ref and interest ----

    void ref(boolean on) {
        refed = on;
        update();
    }

    boolean hasRef() {
        return refed;
    }

    /** Brings the interest set and the loop reference in line with the state. */
    private void update() {
        if (!closed) {
            int ops = 0;
            if (reading) {
                ops |= SelectionKey.OP_READ;
            }
            if (writeQueue != null || connectedAtOnce) {
                ops |= SelectionKey.OP_WRITE;
            }
            if (connecting && !connectedAtOnce) {
                ops |= SelectionKey.OP_CONNECT;
            }
            if (ops != interest && key.isValid()) {
                interest = ops;
                key.interestOps(ops);
            }
        }
        boolean requests = connecting || writeQueue != null || shutdownDone != null;
        boolean want = !closed && (requests || (refed && reading));
        if (want != holdsRef) {
            holdsRef = want;
            if (want) {
                loop.ref();
            } else {
                loop.unref();
            }
        }
    }

    // ---- options and addresses ----

    void setNoDelay(boolean on) {
        if (!closed && !unix) {
            ChannelOptions.setNoDelay(channel, on);
        }
    }

    /** SO_KEEPALIVE, and the idle time before the first probe when the platform offers it. */
    void setKeepAlive(boolean on, int delaySeconds) {
        if (!closed && !unix) {
            ChannelOptions.setKeepAlive(channel, on, delaySeconds);
        }
    }

    SocketAddress localAddress() {
        return ChannelOptions.localAddress(channel);
    }

    SocketAddress remoteAddress() {
        return ChannelOptions.remoteAddress(channel);
    }
}
