package dev.eventide.net;

import java.io.IOException;

/** What a {@link SocketHandle} reports to its socket (libuv's read_cb and connect_cb), on the loop thread. */
interface SocketOwner {
    /** {@code data} is the loop's read buffer: valid during the call only, copy what must outlive it. */
    void onRead(byte[] data, int length);

    void onEof();

    void onReadError(IOException error);

    void onConnect(IOException error);
}
