package dev.eventide.http;

/**
 * The states of the HTTP/1.1 state machine, one per node of llhttp's graph that waits for a
 * byte or that a paused callback resumes at. Numbered in three ranges, one per class that
 * runs them: start line ({@link Http1StartLine}), headers ({@link Http1HeaderStates}) and
 * body and message end ({@link Http1BodyStates}).
 */
final class Http1States {
    private Http1States() {}

    // Start line (Http1StartLine).
    static final int START = 0;
    static final int AFTER_START = 1;
    static final int TYPE_SWITCH = 2;
    static final int METHOD = 3;
    static final int FIRST_SPACE = 4;
    static final int SPACES_BEFORE_URL = 5;
    static final int URL_START = 6;
    static final int URL_SCHEMA = 7;
    static final int URL_SCHEMA_DELIM = 8;
    static final int URL_SERVER = 9;
    static final int URL_SERVER_AT = 10;
    static final int URL_PATH = 11;
    static final int URL_QUERY_OR_FRAGMENT = 12;
    static final int URL_QUERY = 13;
    static final int URL_FRAGMENT = 14;
    static final int URL_SKIP_TO_HTTP = 15;
    static final int URL_SKIP_TO_HTTP09_LF = 16;
    static final int URL_SKIP_CRLF = 17;
    static final int HTTP_START = 18;
    static final int PROTOCOL = 19;
    static final int CHECK_METHOD = 20;
    static final int AFTER_PROTOCOL = 21;
    static final int MAJOR = 22;
    static final int DOT = 23;
    static final int MINOR = 24;
    static final int AFTER_VERSION = 25;
    static final int REQ_COMPLETE = 26;
    static final int REQ_COMPLETE_CRLF = 27;
    static final int PRI_UPGRADE = 28;
    static final int STATUS_1 = 29;
    static final int STATUS_2 = 30;
    static final int STATUS_3 = 31;
    static final int STATUS_OTHERWISE = 32;
    static final int RES_STATUS = 33;
    static final int RES_LINE_ALMOST_DONE = 34;

    // Headers and trailers (Http1HeaderStates).
    static final int HEADERS_BASE = 40;
    static final int HEADERS_START = 40;
    static final int FIELD_START = 41;
    static final int FIELD = 42;
    static final int FIELD_COLON = 43;
    static final int FIELD_COLON_WS = 44;
    static final int FIELD_GENERAL = 45;
    static final int AFTER_FIELD = 46;
    static final int VALUE_DISCARD_WS = 47;
    static final int VALUE_DISCARD_WS_ALMOST_DONE = 48;
    static final int VALUE_DISCARD_LWS = 49;
    static final int VALUE_START = 50;
    static final int TE_CHUNKED = 51;
    static final int TE_CHUNKED_LAST = 52;
    static final int TE_TOKEN = 53;
    static final int TE_TOKEN_OWS = 54;
    static final int CONTENT_LENGTH = 55;
    static final int CONTENT_LENGTH_WS = 56;
    static final int CONNECTION = 57;
    static final int CONNECTION_WS = 58;
    static final int CONNECTION_TOKEN = 59;
    static final int VALUE = 60;
    static final int VALUE_OTHERWISE = 61;
    static final int VALUE_LENIENT = 62;
    static final int VALUE_RELAXED = 63;
    static final int VALUE_ALMOST_DONE = 64;
    static final int VALUE_LWS = 65;
    static final int HEADERS_ALMOST_DONE = 66;
    static final int HEADERS_DONE = 67;

    // Body, chunks and the end of a message (Http1BodyStates).
    static final int BODY_BASE = 80;
    static final int BODY_IDENTITY = 80;
    static final int BODY_CONSUME = 81;
    static final int BODY_EOF = 82;
    static final int CHUNK_SIZE_START = 83;
    static final int CHUNK_SIZE_DIGIT = 84;
    static final int CHUNK_SIZE = 85;
    static final int CHUNK_SIZE_OTHERWISE = 86;
    static final int CHUNK_EXTENSIONS = 87;
    static final int CHUNK_EXT_NAME = 88;
    static final int CHUNK_EXT_VALUE = 89;
    static final int CHUNK_EXT_QUOTED = 90;
    static final int CHUNK_EXT_QUOTED_PAIR = 91;
    static final int CHUNK_EXT_QUOTED_DONE = 92;
    static final int CHUNK_EXT_NAME_LF = 93;
    static final int CHUNK_EXT_VALUE_LF = 94;
    static final int CHUNK_SIZE_ALMOST_DONE = 95;
    static final int TO_CHUNK = 96;
    static final int CHUNK_DATA = 97;
    static final int CHUNK_DATA_CONSUME = 98;
    static final int CHUNK_DATA_ALMOST_DONE = 99;
    static final int CHUNK_COMPLETE = 100;
    static final int MESSAGE_DONE = 101;
    static final int AFTER_MESSAGE_DONE = 102;
    static final int UPGRADE_PAUSE = 103;
    static final int CLEANUP = 104;
    static final int CLOSED = 105;
    static final int RESTART = 106;
}
