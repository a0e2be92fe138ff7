package dev.eventide.net;

/**
 * Takes a socket's bytes straight from the loop's read buffer, as Node's HTTP parser consumes
 * its socket's handle (parser.consume): no chunk per read, no 'data' event. Runs on the
 * socket's loop thread; {@code data} is overwritten by the next read, so copy what must
 * outlive the call. See {@link NetSocket#consume}.
 */
@FunctionalInterface
public interface ReadConsumer {
    void consume(byte[] data, int offset, int length);
}
