package dev.eventide.http;

import dev.eventide.errors.ErrorCode;
import dev.eventide.events.AbortSignal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of Node's {@code http.request(options)}, as a fluent builder: host, port, method,
 * path, headers, agent, timeout. {@link #of(String)} reads a URL. Mutable; read once by the
 * request that takes it.
 */
public final class RequestOptions {
    String host = "localhost";
    int port = 80;
    String method = "GET";
    String path = "/";
    final Map<String, Object> headers = new LinkedHashMap<>();
    Agent agent;
    /** False: a fresh connection closed after the response (Node's agent: false). */
    boolean useAgent = true;
    int timeout;
    /** Aborting it destroys the request (http.request) or rejects the fetch; null: none. */
    AbortSignal signal;

    /** Options from an http: URL (host, port, path and query). */
    public static RequestOptions of(String url) {
        URI u = URI.create(url);
        if (!"http".equalsIgnoreCase(u.getScheme())) {
            throw ErrorCode.ERR_INVALID_PROTOCOL.make(u.getScheme() + ":", "http:");
        }
        RequestOptions o = new RequestOptions().host(u.getHost()).port(u.getPort() < 0 ? 80 : u.getPort());
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return o.path(u.getRawQuery() == null ? path : path + "?" + u.getRawQuery());
    }

    public RequestOptions host(String host) {
        this.host = host;
        return this;
    }

    public RequestOptions port(int port) {
        this.port = port;
        return this;
    }

    public RequestOptions method(String method) {
        this.method = method.toUpperCase(java.util.Locale.ROOT);
        return this;
    }

    public RequestOptions path(String path) {
        this.path = path;
        return this;
    }

    public RequestOptions header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    public RequestOptions headers(Map<String, ?> fields) {
        headers.putAll(fields);
        return this;
    }

    public RequestOptions agent(Agent agent) {
        this.agent = agent;
        this.useAgent = agent != null;
        return this;
    }

    /** No agent: a connection of its own, closed after the response (Node's agent: false). */
    public RequestOptions noAgent() {
        this.agent = null;
        this.useAgent = false;
        return this;
    }

    /** Socket inactivity timeout in ms: 'timeout' is emitted on the request (it is not aborted). */
    public RequestOptions timeout(int ms) {
        this.timeout = ms;
        return this;
    }

    /**
     * Node's {@code signal} option. http.request: aborting it destroys the request and its socket
     * with an AbortError. fetch: the promise rejects with the signal's reason.
     */
    public RequestOptions signal(AbortSignal signal) {
        this.signal = signal;
        return this;
    }
}
