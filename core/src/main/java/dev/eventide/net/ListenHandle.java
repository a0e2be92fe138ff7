package dev.eventide.net;

import dev.eventide.loop.EventLoop;
import dev.eventide.loop.IoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A listening socket on its loop's selector: libuv's listening uv_tcp_t/uv_pipe_t. Runs on its
 * loop's thread only; accepted channels go to its {@link Owner} from the poll phase, one callback
 * per connection (further accepts of a burst follow from the pending phase, so that each
 * connection callback gets its own microtask drain, as in libuv's accept loop).
 */
final class ListenHandle implements IoHandler {
    /** What the handle reports to its server (libuv's connection_cb). */
    interface Owner {
        void onConnection(SocketChannel channel);

        void onAcceptError(IOException error);
    }

    /** Accepts per readiness before the loop moves on (libuv accepts until EAGAIN). */
    private static final int MAX_ACCEPTS = 128;

    final EventLoop loop;
    final ServerSocketChannel channel;
    /** The socket file of a Unix-domain server, removed on close as libuv does; else null. */
    final Path unixPath;
    private SelectionKey key;
    private Owner owner;
    private boolean closed;
    private boolean refed = true;
    private boolean holdsRef;
    private int acceptsInBurst;

    private ListenHandle(EventLoop loop, ServerSocketChannel channel, Path unixPath) {
        this.loop = loop;
        this.channel = channel;
        this.unixPath = unixPath;
    }

    /** Binds and listens (Java does both in bind()); throws what bind or listen reported. */
    static ListenHandle open(EventLoop loop, SocketAddress address, int backlog, boolean reusePort,
            boolean ipv6Only) throws IOException {
        boolean unix = address instanceof UnixDomainSocketAddress;
        ServerSocketChannel ch = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                : ServerSocketChannel.open(family((InetSocketAddress) address));
        try {
            if (!unix) {
                // libuv sets SO_REUSEADDR on every TCP bind, so a restarted server can take its port at once.
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (reusePort) {
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                if (ipv6Only) {
                    setV6Only(ch);
                }
            }
            ch.bind(address, backlog > 0 ? backlog : 511);
            ch.configureBlocking(false);
            Path path = unix ? ((UnixDomainSocketAddress) address).getPath() : null;
            return new ListenHandle(loop, ch, path);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static java.net.ProtocolFamily family(InetSocketAddress address) {
        if (address.getAddress() instanceof java.net.Inet4Address) {
            return StandardProtocolFamily.INET;
        }
        return StandardProtocolFamily.INET6;
    }

    private static void setV6Only(ServerSocketChannel ch) throws IOException {
        for (var o : ch.supportedOptions()) {
            if (o.name().equals("IPV6_V6ONLY") && o.type() == Boolean.class) {
                @SuppressWarnings("unchecked")
                java.net.SocketOption<Boolean> opt = (java.net.SocketOption<Boolean>) o;
                ch.setOption(opt, true);
            }
        }
    }

    void listen(Owner owner) {
        this.owner = owner;
        key = loop.register(channel, SelectionKey.OP_ACCEPT, this);
        update();
    }

    @Override
    public void ready(SelectionKey k) {
        acceptsInBurst = 0;
        acceptOne();
    }

    private void acceptOne() {
        if (closed) {
            return;
        }
        SocketChannel ch;
        try {
            ch = channel.accept();
        } catch (IOException e) {
            owner.onAcceptError(e);
            return;
        }
        if (ch != null) {
            owner.onConnection(ch);
            if (++acceptsInBurst < MAX_ACCEPTS) {
                loop.queuePending(this::acceptOne);
            }
        }
    }

    SocketAddress localAddress() {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    void ref(boolean on) {
        refed = on;
        update();
    }

    private void update() {
        boolean want = refed && !closed && key != null;
        if (want != holdsRef) {
            holdsRef = want;
            if (want) {
                loop.ref();
            } else {
                loop.unref();
            }
        }
    }

    /**
     * Stops listening now. NIO closes a registered socket's descriptor only at the selector's
     * next pass, so one empty pass runs at once (or right after the poll phase when called from
     * inside it): as with libuv, a connect that follows close() is refused.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        if (unixPath != null) {
            try {
                Files.deleteIfExists(unixPath);
            } catch (IOException ignored) {
                // libuv ignores unlink failures too.
            }
        }
        update();
        if (key != null) {
            flushCancelled(key.selector());
        }
    }

    private void flushCancelled(Selector selector) {
        if (!selector.isOpen()) {
            return;
        }
        if (Thread.holdsLock(selector)) {
            // Inside the poll phase's select: a nested select is refused, so right after it.
            loop.queuePending(() -> flushCancelled(selector));
            return;
        }
        try {
            // Readiness is level-triggered, so the events this pass drops are reported again.
            selector.selectNow(ready -> { });
        } catch (IOException ignored) {
            // The descriptor is then closed at the loop's next poll instead.
        }
    }
}
