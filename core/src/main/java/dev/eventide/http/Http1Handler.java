package dev.eventide.http;

import java.nio.ByteBuffer;

/**
 * Receives the events of an {@link Http1Parser}, llhttp's callbacks in Java. Runs on the
 * thread that calls {@code execute}, synchronously, in wire order.
 *
 * <p>Data callbacks get a span of the caller's buffer, {@code (buffer, offset, length)} with an
 * absolute offset; the span is valid only during the call, and one logical item (a URL, a
 * header value, a body) may arrive in several spans when it crosses reads. Nothing is copied
 * or decoded unless the handler does it. The {@code ...Complete} callbacks mark the end of an
 * item and return {@link #OK}, {@link #PAUSE} or any other value for a callback error.
 */
public interface Http1Handler {
    /** Go on parsing. */
    int OK = 0;
    /** From {@link #onHeadersComplete}: this message has no body (a response to HEAD). */
    int SKIP_BODY = 1;
    /** From {@link #onHeadersComplete}: no body, and the connection switches protocol. */
    int SKIP_BODY_UPGRADE = 2;
    /** Stop {@code execute} after this callback; {@link Http1Parser#resume()} continues. */
    int PAUSE = 21;

    default int onMessageBegin(Http1Parser parser) {
        return OK;
    }

    default void onMethod(ByteBuffer buffer, int offset, int length) {}

    default int onMethodComplete(Http1Parser parser) {
        return OK;
    }

    default void onUrl(ByteBuffer buffer, int offset, int length) {}

    default int onUrlComplete(Http1Parser parser) {
        return OK;
    }

    /** {@code HTTP}, {@code RTSP} or {@code ICE}. */
    default void onProtocol(ByteBuffer buffer, int offset, int length) {}

    default int onProtocolComplete(Http1Parser parser) {
        return OK;
    }

    default void onVersion(ByteBuffer buffer, int offset, int length) {}

    default int onVersionComplete(Http1Parser parser) {
        return OK;
    }

    /** The reason phrase of a response. */
    default void onStatus(ByteBuffer buffer, int offset, int length) {}

    default int onStatusComplete(Http1Parser parser) {
        return OK;
    }

    default void onHeaderField(ByteBuffer buffer, int offset, int length) {}

    default int onHeaderFieldComplete(Http1Parser parser) {
        return OK;
    }

    default void onHeaderValue(ByteBuffer buffer, int offset, int length) {}

    default int onHeaderValueComplete(Http1Parser parser) {
        return OK;
    }

    /** Method, status, version, keep-alive and upgrade are readable from the parser now. */
    default int onHeadersComplete(Http1Parser parser) {
        return OK;
    }

    default void onBody(ByteBuffer buffer, int offset, int length) {}

    /** A chunk size line was read; {@link Http1Parser#contentLength()} is the chunk's size. */
    default int onChunkHeader(Http1Parser parser) {
        return OK;
    }

    default void onChunkExtensionName(ByteBuffer buffer, int offset, int length) {}

    default int onChunkExtensionNameComplete(Http1Parser parser) {
        return OK;
    }

    default void onChunkExtensionValue(ByteBuffer buffer, int offset, int length) {}

    default int onChunkExtensionValueComplete(Http1Parser parser) {
        return OK;
    }

    default int onChunkComplete(Http1Parser parser) {
        return OK;
    }

    default int onMessageComplete(Http1Parser parser) {
        return OK;
    }

    /** A new message starts on a connection that already carried one (pipelining, keep-alive). */
    default int onReset(Http1Parser parser) {
        return OK;
    }
}
