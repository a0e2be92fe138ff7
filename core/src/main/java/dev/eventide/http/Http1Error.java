package dev.eventide.http;

/**
 * The stable error codes of the HTTP/1.1 parser: llhttp's {@code HPE_*} numbers and names,
 * plus the two that Node adds on top of llhttp (header and chunk extension overflow).
 * {@link #code()} is what Node puts in {@code err.code} of a {@code clientError} or a client
 * request error; {@link #httpStatus()} is the status a Node server answers with.
 */
public enum Http1Error {
    INTERNAL(1),
    STRICT(2),
    LF_EXPECTED(3),
    UNEXPECTED_CONTENT_LENGTH(4),
    CLOSED_CONNECTION(5),
    INVALID_METHOD(6),
    INVALID_URL(7),
    INVALID_CONSTANT(8),
    INVALID_VERSION(9),
    INVALID_HEADER_TOKEN(10),
    INVALID_CONTENT_LENGTH(11),
    INVALID_CHUNK_SIZE(12),
    INVALID_STATUS(13),
    INVALID_EOF_STATE(14),
    INVALID_TRANSFER_ENCODING(15),
    CB_MESSAGE_BEGIN(16),
    CB_HEADERS_COMPLETE(17),
    CB_MESSAGE_COMPLETE(18),
    CB_CHUNK_HEADER(19),
    CB_CHUNK_COMPLETE(20),
    PAUSED(21),
    PAUSED_UPGRADE(22),
    PAUSED_H2_UPGRADE(23),
    USER(24),
    CR_EXPECTED(25),
    CB_URL_COMPLETE(26),
    CB_STATUS_COMPLETE(27),
    CB_HEADER_FIELD_COMPLETE(28),
    CB_HEADER_VALUE_COMPLETE(29),
    UNEXPECTED_SPACE(30),
    CB_RESET(31),
    CB_METHOD_COMPLETE(32),
    CB_VERSION_COMPLETE(33),
    CB_CHUNK_EXTENSION_NAME_COMPLETE(34),
    CB_CHUNK_EXTENSION_VALUE_COMPLETE(35),
    CB_PROTOCOL_COMPLETE(38),
    /** Node's: start line and headers reached maxHeaderSize (llhttp reports it as USER). */
    HEADER_OVERFLOW(24),
    /** Node's: chunk extensions of one chunk exceeded 16 KiB (llhttp reports it as USER). */
    CHUNK_EXTENSIONS_OVERFLOW(24);

    private final int number;
    private final String code;

    Http1Error(int number) {
        this.number = number;
        this.code = "HPE_" + name();
    }

    /** llhttp's numeric {@code llhttp_errno_t}. */
    public int number() {
        return number;
    }

    /** The Node-facing code string, e.g. {@code HPE_INVALID_METHOD}. */
    public String code() {
        return code;
    }

    /** True for the pause states, which {@link Http1Parser#resume()} clears; they are not failures. */
    public boolean isPause() {
        return this == PAUSED || this == PAUSED_UPGRADE;
    }

    /** The status a Node server sends on this error before closing: 431, 413 or 400. */
    public int httpStatus() {
        return switch (this) {
            case HEADER_OVERFLOW -> 431;
            case CHUNK_EXTENSIONS_OVERFLOW -> 413;
            default -> 400;
        };
    }
}
