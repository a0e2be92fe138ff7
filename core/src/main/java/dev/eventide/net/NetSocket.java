package dev.eventide.net;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.EventLoop;
import dev.eventide.loop.Task;
import dev.eventide.stream.DuplexStream;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamChunk;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Node's net.Socket: a TCP or Unix-domain connection as a duplex stream. Events: 'lookup',
 * 'connect', 'ready', 'data', 'end', 'drain', 'finish', 'timeout', 'error', and 'close' (with
 * hadError) from the loop's close phase. Belongs to the loop that made it; use it on that loop's
 * thread only.
 *
 * <p>Ported from Node 20's lib/net.js: the socket is a DuplexStream with emitClose off (the
 * handle's close callback emits 'close'), autoDestroy on, and strings handed to _write as they
 * are. With allowHalfOpen false (the default) the socket ends its side when the peer ends;
 * a write after that fails with EPIPE. The I/O itself is in {@link SocketHandle}.
 */
public class NetSocket extends DuplexStream implements SocketOwner {
    /** The OS socket, or null before connect() and after destroy. */
    SocketHandle handle;
    /** Node's socket.connecting: between connect() and 'connect' (or failure). */
    boolean connecting;
    private final NetServer server;
    private final boolean allowHalfOpen;
    /** Peers of a dual-stack IPv6 server show as ::ffff:a.b.c.d, as Node shows them. */
    private final boolean mappedAddresses;
    /** Set on 'end' when half-open is off: writes after end() fail with EPIPE (Node's writeAfterFIN). */
    private boolean endedByPeer;
    private boolean resetOnClose;
    private final SocketSettings settings = new SocketSettings();
    private long bytesReadClosed;
    private NetAddress peer;
    private NetAddress local;
    /** Where connect() went, for its error message. */
    String connectAddress;
    Integer connectPort;
    private final Connector connector = new Connector(this);
    final SocketTimer timer = new SocketTimer(this);
    private final SocketWriter writer = new SocketWriter(this);
    private final EventLoop eventLoop = EventLoop.current();
    /** Takes a read, uncopied, while it is the only 'data' listener of a flowing, empty stream. */
    private ReadConsumer consumer;

    /** A socket that is not connected yet (Node's new net.Socket(options)); call connect(). */
    public NetSocket(NetConnectOptions options) {
        super(SocketSettings.streamOptions(options.allowHalfOpen, options.highWaterMark,
                options.readableHighWaterMark, options.writableHighWaterMark));
        this.server = null;
        this.allowHalfOpen = options.allowHalfOpen;
        this.mappedAddresses = false;
        settings.noDelay(null, options.noDelay);
        settings.keepAlive(null, options.keepAlive, options.keepAliveInitialDelay);
        on("end", args -> onReadableStreamEnd());
        ClientAbort.watch(this, options.signal);
    }

    /** A socket the server accepted: reading starts at once unless pauseOnConnect. */
    NetSocket(NetServer server, SocketHandle handle, NetServerOptions o, boolean mapped) {
        super(SocketSettings.streamOptions(o.allowHalfOpen, null, o.highWaterMark, o.highWaterMark));
        this.server = server;
        this.allowHalfOpen = o.allowHalfOpen;
        this.mappedAddresses = mapped;
        this.handle = handle;
        handle.owner(this);
        on("end", args -> onReadableStreamEnd());
        settings.noDelay(handle, o.noDelay);
        settings.keepAlive(handle, o.keepAlive, o.keepAliveInitialDelay);
        if (o.pauseOnConnect) {
            pause();
        } else {
            read(0);
        }
    }

    // ---- connect ----

    public NetSocket connect(int port, String host) {
        return connect(new NetConnectOptions().port(port).host(host), null);
    }

    public NetSocket connect(int port, String host, Task onConnect) {
        return connect(new NetConnectOptions().port(port).host(host), onConnect);
    }

    /** Connects to the Unix-domain socket at {@code path}. */
    public NetSocket connect(String path, Task onConnect) {
        return connect(new NetConnectOptions().path(path), onConnect);
    }

    /** Node's socket.connect(options, cb): {@code onConnect} runs as a once('connect') listener. */
    public NetSocket connect(NetConnectOptions options, Task onConnect) {
        loop().checkOwner("NetSocket.connect");
        if (onConnect != null) {
            once("connect", args -> onConnect.run());
        }
        if (options.port == null && options.path == null) {
            throw dev.eventide.errors.Errors.missingArgs("options", "port", "path");
        }
        if (destroyed()) {
            throw dev.eventide.errors.Errors.invalidState("cannot connect a destroyed socket");
        }
        endedByPeer = false;
        connecting = true;
        connector.start(options);
        return this;
    }

    /** The connector made the OS socket: it takes this socket's pending settings. */
    void attach(SocketHandle h) {
        handle = h;
        h.owner(this);
        settings.attached(h);
    }

    @Override
    public void onConnect(IOException error) {
        if (destroyed()) {
            return;
        }
        if (connector.completed(error)) {
            return;
        }
        connecting = false;
        local = null;
        if (error != null) {
            destroy(connector.error(error));
            return;
        }
        unrefTimer();
        settings.connected(handle);
        emit("connect");
        emit("ready");
        if (!isPaused()) {
            read(0);
        }
    }

    // ---- reading (Node's onStreamRead) ----

    @Override
    protected void _read(int n) {
        if (connecting || handle == null) {
            once("connect", args -> _read(n));
        } else if (!handle.reading()) {
            handle.readStart();
        }
    }

    /** Reads go to {@code c} (null: none) while the conditions in onRead hold, else to the stream. */
    public void consume(ReadConsumer c) {
        consumer = c;
    }

    @Override
    public void onRead(byte[] data, int length) {
        unrefTimer();
        if (destroyed()) {
            return;
        }
        ReadConsumer c = consumer;
        if (c != null && Boolean.TRUE.equals(readableFlowing()) && readableLength() == 0
                && listenerCount("data") == 1 && listenerCount("readable") == 0) {
            c.consume(data, 0, length);
        } else if (!push(Bytes.wrap(Arrays.copyOf(data, length))) && handle != null) {
            handle.readStop();
        }
    }

    @Override
    public void onEof() {
        unrefTimer();
        if (!readableState().endEmitted()) {
            push(null);
            read(0);
        }
    }

    @Override
    public void onReadError(IOException error) {
        unrefTimer();
        destroy(NetError.errno(Errno.of(error), "read", error));
    }

    private void onReadableStreamEnd() {
        if (!allowHalfOpen) {
            endedByPeer = true;
        }
    }

    // ---- writing ----

    @Override
    public boolean write(Object chunk) {
        return write(chunk, null, null);
    }

    @Override
    public boolean write(Object chunk, StreamCallback cb) {
        return write(chunk, null, cb);
    }

    @Override
    public boolean write(Object chunk, String encoding, StreamCallback cb) {
        if (endedByPeer && writableEnded()) {
            // Node's writeAfterFIN: clearer than 'write after end', since the peer ended us.
            Throwable er = dev.eventide.errors.Errors.endedByOtherParty();
            if (cb != null) {
                loop().nextTick(() -> cb.call(er));
            }
            destroy(er);
            return false;
        }
        return super.write(chunk, encoding, cb);
    }

    @Override
    protected void _write(Object chunk, String encoding, StreamCallback cb) {
        writer.write(chunk, encoding, cb);
    }

    @Override
    protected void _writev(List<StreamChunk> chunks, StreamCallback cb) {
        writer.write(chunks, cb);
    }

    /**
     * Writes what the kernel takes of {@code data} now, when this socket has no write in flight
     * (libuv's uv_try_write), and returns how many bytes that was; 0 when the stream holds
     * writes, is corked, ended, destroyed or still connecting. Nothing is queued: the caller
     * writes the rest with write(). The HTTP layer sends whole messages this way, so that a
     * response written at once skips the stream's write cycle on the socket.
     */
    public int tryWrite(Bytes data) {
        eventLoop.checkOwner("NetSocket.tryWrite");
        if (handle == null || connecting || writableLength() != 0 || writableCorked() != 0
                || writableEnded() || destroyed()) {
            return 0;
        }
        return writer.tryWrite(data);
    }

    /** Node's _final: shut down the sending side once the writes are out. */
    @Override
    protected void _final(StreamCallback cb) {
        if (connecting || handle == null) {
            once("connect", args -> _final(cb));
            return;
        }
        if (!handle.shutdown(err -> cb.call(null))) {
            cb.call(null);
        }
    }

    // ---- ending ----

    /** Ends the writable side and destroys the socket once it has finished. */
    public void destroySoon() {
        if (writable()) {
            end();
        }
        if (writableFinished()) {
            destroy();
        } else {
            once("finish", args -> destroy());
        }
    }

    /** Closes with a TCP reset (RST) instead of an orderly end; the peer sees ECONNRESET. */
    public NetSocket resetAndDestroy() {
        if (handle != null) {
            if (connecting) {
                once("connect", args -> resetNow());
            } else {
                resetNow();
            }
        } else {
            destroy(dev.eventide.errors.ErrorCode.ERR_SOCKET_CLOSED.make());
        }
        return this;
    }

    private void resetNow() {
        resetOnClose = true;
        destroy();
    }

    @Override
    protected void _destroy(Throwable exception, StreamCallback cb) {
        boolean wasConnecting = connecting;
        connecting = false;
        timer.clear();
        SocketHandle h = handle;
        if (h != null) {
            boolean isException = exception != null;
            bytesReadClosed = h.bytesRead;
            handle = null;
            local = null;
            Runnable onClose = () -> emit("close", isException);
            if (resetOnClose) {
                h.reset(onClose);
            } else {
                h.close(onClose);
            }
            // An attempt in flight ends with ECANCELED just before this 'close' (close runs LIFO).
            connector.cancel();
            cb.call(exception);
        } else if (wasConnecting) {
            // Node made the handle when connect() was called; its close callback comes here.
            boolean isException = exception != null;
            cb.call(exception);
            loop().queueClose(() -> emit("close", isException));
        } else {
            cb.call(exception);
            loop().nextTick(() -> emit("close", false));
        }
        if (server != null) {
            server.connectionClosed();
        }
    }

    // ---- timeouts ----

    /** Emits 'timeout' after {@code ms} of inactivity (0 turns it off); the socket stays open. */
    public NetSocket setTimeout(int ms) {
        return setTimeout(ms, null);
    }

    /** As setTimeout(ms), with {@code callback} as a once('timeout') listener. */
    public NetSocket setTimeout(int ms, Task callback) {
        if (!destroyed()) {
            timer.set(ms, callback);
        }
        return this;
    }

    /** Restarts the inactivity countdown (Node's _unrefTimer). */
    void unrefTimer() {
        timer.refresh();
    }

    /** The inactivity timeout set with setTimeout, or null. */
    public Integer timeout() {
        return timer.ms();
    }

    // ---- options ----

    /** TCP_NODELAY: send small writes at once (Nagle's algorithm off). */
    public NetSocket setNoDelay() {
        return setNoDelay(true);
    }

    public NetSocket setNoDelay(boolean enable) {
        settings.noDelay(connecting ? null : handle, enable);
        return this;
    }

    /** SO_KEEPALIVE, with the idle time before the first probe in ms (0: the system's). */
    public NetSocket setKeepAlive(boolean enable, int initialDelayMs) {
        settings.keepAlive(connecting ? null : handle, enable, initialDelayMs);
        return this;
    }

    public NetSocket setKeepAlive(boolean enable) {
        return setKeepAlive(enable, 0);
    }

    /** Lets this socket keep the loop alive while it reads (the default). */
    public NetSocket ref() {
        settings.ref(handle, true);
        return this;
    }

    /** The loop may end while this socket is open (pending writes still finish first). */
    public NetSocket unref() {
        settings.ref(handle, false);
        return this;
    }

    // ---- state ----

    EventLoop loop() {
        return eventLoop;
    }

    public long bytesRead() {
        return handle != null ? handle.bytesRead : bytesReadClosed;
    }

    /** Bytes written, counting those still buffered (as Node counts them). */
    public long bytesWritten() {
        return writer.bytesWritten();
    }

    /** Node's socket.autoSelectFamilyAttemptedAddresses: "ip:port" per attempt, or null (no autoSelectFamily). */
    public List<String> autoSelectFamilyAttemptedAddresses() {
        return connector.attemptedAddresses();
    }

    public boolean connecting() {
        return connecting;
    }

    /** Node's socket.pending: not connected yet. */
    public boolean pending() {
        return handle == null || connecting;
    }

    /** Node's readyState: opening, open, readOnly, writeOnly or closed. */
    public String readyState() {
        if (connecting) {
            return "opening";
        }
        boolean r = readable();
        boolean w = writable();
        return r && w ? "open" : r ? "readOnly" : w ? "writeOnly" : "closed";
    }

    /** Node's bufferSize: bytes waiting to be written, or -1 without a handle. */
    public int bufferSize() {
        return handle == null ? -1 : writableLength();
    }

    /** The server that accepted this socket, or null for a client socket. */
    public NetServer server() {
        return server;
    }

    /** This end's address, port and family (Node's socket.address()), or null. */
    public NetAddress address() {
        if (local == null && handle != null && !connecting) {
            local = IpAddresses.describe(handle.localAddress(), mappedAddresses);
        }
        return local;
    }

    private NetAddress peer() {
        if (peer == null && handle != null && !connecting) {
            peer = IpAddresses.describe(handle.remoteAddress(), mappedAddresses);
        }
        return peer;
    }

    public String remoteAddress() {
        NetAddress p = peer();
        return p == null || p.isUnix() ? null : p.address();
    }

    public Integer remotePort() {
        NetAddress p = peer();
        return p == null || p.isUnix() ? null : p.port();
    }

    public String remoteFamily() {
        NetAddress p = peer();
        return p == null || p.isUnix() ? null : p.family();
    }

    public String localAddress() {
        NetAddress a = address();
        return a == null || a.isUnix() ? null : a.address();
    }

    public Integer localPort() {
        NetAddress a = address();
        return a == null || a.isUnix() ? null : a.port();
    }

    public String localFamily() {
        NetAddress a = address();
        return a == null || a.isUnix() ? null : a.family();
    }
}
