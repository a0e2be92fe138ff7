package dev.eventide.http;

/**
 * Dispatches the parser's "...Complete" callbacks by their llhttp error code, so that the
 * state code names a callback with one constant. Runs on the parser's thread.
 */
final class Http1Callbacks {
    private Http1Callbacks() {}

    static int call(Http1Parser s, Http1Error which) {
        Http1Handler h = s.handler;
        return switch (which) {
            case CB_MESSAGE_BEGIN -> h.onMessageBegin(s);
            case CB_METHOD_COMPLETE -> h.onMethodComplete(s);
            case CB_URL_COMPLETE -> h.onUrlComplete(s);
            case CB_PROTOCOL_COMPLETE -> h.onProtocolComplete(s);
            case CB_VERSION_COMPLETE -> h.onVersionComplete(s);
            case CB_STATUS_COMPLETE -> h.onStatusComplete(s);
            case CB_HEADER_FIELD_COMPLETE -> s.reportingHeaders() ? h.onHeaderFieldComplete(s) : 0;
            case CB_HEADER_VALUE_COMPLETE -> s.reportingHeaders() ? h.onHeaderValueComplete(s) : 0;
            case CB_CHUNK_HEADER -> h.onChunkHeader(s);
            case CB_CHUNK_EXTENSION_NAME_COMPLETE -> h.onChunkExtensionNameComplete(s);
            case CB_CHUNK_EXTENSION_VALUE_COMPLETE -> h.onChunkExtensionValueComplete(s);
            case CB_CHUNK_COMPLETE -> h.onChunkComplete(s);
            case CB_MESSAGE_COMPLETE -> h.onMessageComplete(s);
            case CB_RESET -> h.onReset(s);
            default -> throw new IllegalArgumentException(which.name());
        };
    }

    /** llhttp's name of the callback, used in its error reasons. */
    static String name(Http1Error which) {
        return switch (which) {
            case CB_MESSAGE_BEGIN -> "on_message_begin";
            case CB_METHOD_COMPLETE -> "on_method_complete";
            case CB_URL_COMPLETE -> "on_url_complete";
            case CB_PROTOCOL_COMPLETE -> "on_protocol_complete";
            case CB_VERSION_COMPLETE -> "on_version_complete";
            case CB_STATUS_COMPLETE -> "on_status_complete";
            case CB_HEADER_FIELD_COMPLETE -> "on_header_field_complete";
            case CB_HEADER_VALUE_COMPLETE -> "on_header_value_complete";
            case CB_CHUNK_HEADER -> "on_chunk_header";
            case CB_CHUNK_EXTENSION_NAME_COMPLETE -> "on_chunk_extension_name";
            case CB_CHUNK_EXTENSION_VALUE_COMPLETE -> "on_chunk_extension_value";
            case CB_CHUNK_COMPLETE -> "on_chunk_complete";
            case CB_MESSAGE_COMPLETE -> "on_message_complete";
            case CB_RESET -> "on_reset";
            default -> which.name();
        };
    }
}
