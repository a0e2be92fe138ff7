package dev.eventide.web;

import dev.eventide.http.IncomingMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Express's {@code req}: the HTTP request ({@link #raw()}) with what routing and middleware add
 * to it: the path relative to the router that handles it, route parameters, the parsed query,
 * the body a parser set, cookies, and named attributes for middleware (a session, a request id).
 * Loop thread only.
 */
public class WebRequest {
    private final WebApp app;
    private final IncomingMessage raw;
    private final String originalUrl;
    private WebResponse res;
    private String url;
    private String baseUrl = "";
    private Map<String, String> params = Map.of();
    private Map<String, Object> query;
    private Object body;
    private Map<String, String> cookies = Map.of();
    private Map<String, String> signedCookies = Map.of();
    private Map<String, Object> attributes;

    protected WebRequest(WebApp app, IncomingMessage raw) {
        this.app = app;
        this.raw = raw;
        this.originalUrl = raw.url();
        this.url = raw.url();
    }

    void response(WebResponse res) {
        this.res = res;
    }

    public IncomingMessage raw() {
        return raw;
    }

    public WebApp app() {
        return app;
    }

    public WebResponse res() {
        return res;
    }

    public String method() {
        return raw.method();
    }

    /** The URL relative to the router now handling the request (Express's req.url). */
    public String url() {
        return url;
    }

    /** Rewrites the URL, as middleware in Express may assign req.url. */
    public WebRequest url(String url) {
        this.url = url;
        return this;
    }

    /** The URL as received, never rewritten by mounting. */
    public String originalUrl() {
        return originalUrl;
    }

    /** The path at which the current router was mounted ("" at the application). */
    public String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The path part of {@link #url()}, without the query string. */
    public String path() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Route parameters by name, already percent-decoded. */
    public Map<String, String> params() {
        return params;
    }

    public String param(String name) {
        return params.get(name);
    }

    void params(Map<String, String> params) {
        this.params = params;
    }

    /**
     * The query string parsed as Node's querystring does (Express 5's "simple" parser): a key
     * seen once maps to a String, a repeated key to a List of Strings.
     */
    public Map<String, Object> query() {
        if (query == null) {
            int q = originalUrl.indexOf('?');
            query = q < 0 ? Map.of() : parseQuery(originalUrl.substring(q + 1));
        }
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        Object v = query().get(name);
        return v instanceof List<?> l ? (String) l.get(0) : (String) v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseQuery(String qs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            Object prev = out.get(k);
            if (prev == null) {
                out.put(k, v);
            } else if (prev instanceof List<?> l) {
                ((List<String>) l).add(v);
            } else {
                List<String> l = new ArrayList<>(2);
                l.add((String) prev);
                l.add(v);
                out.put(k, l);
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // Node's querystring keeps a malformed escape as it is
        }
    }

    /** The body a parser set (a Map/List for JSON, a String for text, Bytes for raw), or null. */
    public Object body() {
        return body;
    }

    public WebRequest body(Object body) {
        this.body = body;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public WebRequest cookies(Map<String, String> cookies) {
        this.cookies = cookies;
        return this;
    }

    public Map<String, String> signedCookies() {
        return signedCookies;
    }

    public WebRequest signedCookies(Map<String, String> signedCookies) {
        this.signedCookies = signedCookies;
        return this;
    }

    /** A request header by case-insensitive name (Express's req.get); Referer and Referrer alike. */
    public String get(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("referer") || lower.equals("referrer")) {
            String v = raw.header("referer");
            return v != null ? v : raw.header("referrer");
        }
        return raw.header(lower);
    }

    /** Same as {@link #get(String)}. */
    public String header(String name) {
        return get(name);
    }

    /** The client's address; with "trust proxy" set, the first untrusted X-Forwarded-For hop. */
    public String ip() {
        return raw.socket() == null ? null : raw.socket().remoteAddress();
    }

    /** A value a middleware stored on this request (a session, a request id), or null. */
    @SuppressWarnings("unchecked")
    public <T> T attr(String name) {
        return attributes == null ? null : (T) attributes.get(name);
    }

    public WebRequest attr(String name, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        attributes.put(name, value);
        return this;
    }
}
