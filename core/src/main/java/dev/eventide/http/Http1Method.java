package dev.eventide.http;

/**
 * Request methods the parser recognises, in llhttp's numbering ({@link #ordinal()} is
 * llhttp's method number). {@link #text()} is the method as it appears on the wire and is a
 * constant, so reading the method of a parsed request never allocates.
 */
public enum Http1Method {
    DELETE, GET, HEAD, POST, PUT, CONNECT, OPTIONS, TRACE, COPY, LOCK, MKCOL, MOVE,
    PROPFIND, PROPPATCH, SEARCH, UNLOCK, BIND, REBIND, UNBIND, ACL, REPORT, MKACTIVITY,
    CHECKOUT, MERGE, M_SEARCH, NOTIFY, SUBSCRIBE, UNSUBSCRIBE, PATCH, PURGE, MKCALENDAR,
    LINK, UNLINK, SOURCE, PRI, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, TEARDOWN,
    GET_PARAMETER, SET_PARAMETER, REDIRECT, RECORD, FLUSH, QUERY;

    private static final Http1Method[] BY_NUMBER = values();

    private final String text = name().equals("M_SEARCH") ? "M-SEARCH" : name();

    /** The method as sent on the wire, e.g. {@code M-SEARCH}. */
    public String text() {
        return text;
    }

    /** The method with llhttp's number {@code n}. */
    public static Http1Method of(int n) {
        return BY_NUMBER[n];
    }

    /** Methods valid with HTTP/x.y: all but the RTSP-only ones. */
    boolean allowedWithHttp() {
        return ordinal() <= PRI.ordinal() || this == QUERY;
    }

    /** Methods valid with RTSP/x.y (RTSP, plus GET and POST for AirPlay, FLUSH for RAOP). */
    boolean allowedWithRtsp() {
        return this == OPTIONS || this == GET || this == POST
                || (ordinal() >= DESCRIBE.ordinal() && ordinal() <= FLUSH.ordinal());
    }

    static Http1Trie trie() {
        String[] words = new String[BY_NUMBER.length];
        for (Http1Method m : BY_NUMBER) {
            words[m.ordinal()] = m.text;
        }
        return new Http1Trie(false, words);
    }
}
