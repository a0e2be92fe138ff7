package dev.eventide.net;

import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.events.Listener;
import dev.eventide.stream.StreamCallback;
import dev.eventide.stream.StreamChunk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The writing half of a {@link NetSocket} (Node's _writeGeneric and onWriteComplete): waits for
 * 'connect', hands a chunk to the handle as one write (several as one gathered write), and counts the bytes. The
 * stream layer guarantees one write at a time. Runs on the socket's loop thread.
 */
final class SocketWriter {
    private final NetSocket socket;
    /** Bytes handed to the OS socket (written, or queued in the handle). */
    long dispatched;
    /** Stream length (bytes, or chars of strings) of the write the handle holds; 0 when none. */
    int inHandle;
    /** The stream's callback for the write the handle holds; null when none (one write at a time). */
    private StreamCallback callback;
    /** The handle's completion for every write: one object, not a lambda per write. */
    private final SocketHandle.Done onDone = this::done;

    SocketWriter(NetSocket socket) {
        this.socket = socket;
    }

    /** One chunk (Node's _write): one plain write, without the gathered path's array. */
    void write(Object chunk, String encoding, StreamCallback cb) {
        if (socket.connecting) {
            write(List.of(new StreamChunk(chunk, encoding)), cb);
            return;
        }
        SocketHandle h = ready(cb);
        if (h == null) {
            return;
        }
        Bytes bytes;
        if (chunk instanceof Bytes b) {
            bytes = b;
            inHandle = b.length();
        } else {
            String s = (String) chunk;
            bytes = Bytes.from(s, encoding);
            inHandle = s.length();
        }
        dispatched += bytes.length();
        callback = cb;
        if (h.write(bytes.array(), bytes.byteOffset(), bytes.length(), onDone)) {
            socket.timer.lastWriteQueueSize = h.queuedBytes();
        }
    }

    /** Writes what the kernel takes now, outside the stream (see NetSocket.tryWrite). */
    int tryWrite(Bytes bytes) {
        int n = socket.handle.tryWrite(bytes.array(), bytes.byteOffset(), bytes.length());
        if (n > 0) {
            dispatched += n;
            socket.timer.refresh();
        }
        return n;
    }

    /** Several chunks (Node's _writev): one gathered write. */
    void write(List<StreamChunk> chunks, StreamCallback cb) {
        if (socket.connecting) {
            // Wait for 'connect'; the stream buffers the writes that follow meanwhile.
            Listener onClose = args -> cb.call(ErrorCode.ERR_SOCKET_CLOSED_BEFORE_CONNECTION.make());
            socket.once("connect", args -> {
                socket.off("close", onClose);
                write(chunks, cb);
            });
            socket.once("close", onClose);
            return;
        }
        SocketHandle h = ready(cb);
        if (h == null) {
            return;
        }
        ByteBuffer[] buffers = new ByteBuffer[chunks.size()];
        int streamLength = 0;
        for (int i = 0; i < buffers.length; i++) {
            StreamChunk c = chunks.get(i);
            Bytes bytes;
            if (c.chunk() instanceof Bytes b) {
                bytes = b;
                streamLength += b.length();
            } else {
                String s = (String) c.chunk();
                bytes = Bytes.from(s, c.encoding());
                streamLength += s.length();
            }
            // A view of the chunk's bytes (toByteBuffer would add a slice: a second buffer per write).
            buffers[i] = ByteBuffer.wrap(bytes.array(), bytes.byteOffset(), bytes.length());
            dispatched += bytes.length();
        }
        inHandle = streamLength;
        callback = cb;
        if (h.write(buffers, onDone)) {
            socket.timer.lastWriteQueueSize = h.queuedBytes();
        }
    }

    /** The handle to write to, or null when the socket is gone (and cb has been told). */
    private SocketHandle ready(StreamCallback cb) {
        SocketHandle h = socket.handle;
        if (h == null) {
            cb.call(ErrorCode.ERR_SOCKET_CLOSED.make());
            return null;
        }
        socket.timer.refresh();
        return h;
    }

    private void done(IOException error) {
        StreamCallback cb = callback;
        callback = null;
        inHandle = 0;
        if (socket.destroyed()) {
            cb.call(null);
        } else if (error != null) {
            cb.call(NetError.errno(Errno.of(error), "write", error));
        } else {
            socket.timer.refresh();
            cb.call(null);
        }
    }

    /** Node's bytesWritten: bytes given to the OS plus those still buffered in the stream. */
    long bytesWritten() {
        return dispatched + Math.max(0, socket.writableLength() - inHandle);
    }
}
