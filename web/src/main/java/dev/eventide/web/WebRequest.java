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
    /** The next of the handler running now (Express's req.next), set by the router. */
    Next next;
    private WebApp app;
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
    /** The url path() was computed for, and the result (routers ask for it at every layer). */
    private String pathOf;
    private String path;
    /** The hooks of the apps the request is inside, innermost first; null while none of them has hooks. */
    HookScope scope;
    /** The apps entered so far whose onResponse/onTimeout hooks observe the request; null if none. */
    HookScope.Entered entered;
    /** The last error given to the onError hooks, so that one error is reported once. */
    Throwable reportedError;

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

    /** The application handling the request (a mounted sub-app while it runs). */
    public WebApp app() {
        return app;
    }

    void app(WebApp app) {
        this.app = app;
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
        String u = url;
        if (u != pathOf) {
            pathOf = u;
            path = pathname(u);
        }
        return path;
    }

    /** parseurl's pathname: before the query, and without scheme and host for an absolute-form target. */
    private static String pathname(String u) {
        int q = u.indexOf('?');
        String p = q < 0 ? u : u.substring(0, q);
        if (!p.isEmpty() && p.charAt(0) != '/') {
            int scheme = p.indexOf("://");
            if (scheme > 0) {
                int slash = p.indexOf('/', scheme + 3);
                return slash < 0 ? "/" : p.substring(slash);
            }
        }
        return p;
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

    /** The client's address: the socket's peer, or with "trust proxy" the first untrusted X-Forwarded-For hop. */
    public String ip() {
        if (app.trust() == TrustProxy.NONE) {
            return socketAddress();
        }
        List<String> addrs = addresses();
        return addrs.get(addrs.size() - 1);
    }

    /** With "trust proxy", the trusted chain from the client to the nearest proxy (Express's req.ips); else empty. */
    public List<String> ips() {
        List<String> addrs = addresses();
        List<String> out = new ArrayList<>(addrs.size());
        for (int i = addrs.size() - 1; i >= 1; i--) {
            out.add(addrs.get(i));
        }
        return out;
    }

    private String socketAddress() {
        return raw.socket() == null ? null : raw.socket().remoteAddress();
    }

    /** proxy-addr's alladdrs: the peer, then X-Forwarded-For nearest first, cut after the first untrusted hop. */
    private List<String> addresses() {
        TrustProxy trust = app.trust();
        List<String> addrs = new ArrayList<>();
        addrs.add(socketAddress());
        if (trust == TrustProxy.NONE) {
            return addrs;
        }
        String xff = raw.header("x-forwarded-for");
        if (xff != null) {
            for (String part : Negotiation.split(xff, ',').reversed()) {
                String a = part.trim();
                if (!a.isEmpty()) {
                    addrs.add(a);
                }
            }
        }
        for (int i = 0; i < addrs.size() - 1; i++) {
            if (!trust.trusts(addrs.get(i), i)) {
                return new ArrayList<>(addrs.subList(0, i + 1));
            }
        }
        return addrs;
    }

    /** Host, or X-Forwarded-Host (its first value) when the peer is a trusted proxy; with the port. */
    public String host() {
        String forwarded = raw.header("x-forwarded-host");
        String val;
        if (forwarded == null || forwarded.isEmpty() || !app.trust().trusts(socketAddress(), 0)) {
            val = raw.header("host");
        } else {
            int comma = forwarded.indexOf(',');
            val = comma < 0 ? forwarded : forwarded.substring(0, comma).stripTrailing();
        }
        return val == null || val.isEmpty() ? null : val;
    }

    /** {@link #host()} without the port (an IPv6 literal keeps its brackets). */
    public String hostname() {
        String host = host();
        if (host == null) {
            return null;
        }
        int offset = host.charAt(0) == '[' ? host.indexOf(']') + 1 : 0;
        int colon = host.indexOf(':', offset);
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The hostname's labels left of the "subdomain offset" (2), last first: "tobi.ferrets.example.com" -> [ferrets, tobi]. */
    public List<String> subdomains() {
        String hostname = hostname();
        if (hostname == null) {
            return List.of();
        }
        Object o = app.setting("subdomain offset");
        int offset = o instanceof Number n ? n.intValue() : 2;
        List<String> labels = TrustProxy.parse(hostname) != null ? List.of(hostname)
                : java.util.Arrays.asList(hostname.split("\\.", -1)).reversed();
        return offset >= labels.size() ? List.of() : List.copyOf(labels.subList(offset, labels.size()));
    }

    /** "https" on a TLS connection, else "http"; X-Forwarded-Proto (first value) when the peer is a trusted proxy. */
    public String protocol() {
        String proto = raw.socket() != null && raw.socket().getClass().getSimpleName().startsWith("Tls") ? "https" : "http";
        if (!app.trust().trusts(socketAddress(), 0)) {
            return proto;
        }
        String header = raw.header("x-forwarded-proto");
        if (header == null || header.isEmpty()) {
            return proto;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }

    public boolean secure() {
        return "https".equals(protocol());
    }

    /** Whether X-Requested-With is XMLHttpRequest (a script's request). */
    public boolean xhr() {
        String v = raw.header("x-requested-with");
        return v != null && v.equalsIgnoreCase("xmlhttprequest");
    }

    /** Whether the client's cached copy is still valid (GET/HEAD, 2xx/304, If-None-Match or If-Modified-Since). */
    public boolean fresh() {
        String m = method();
        if (!"GET".equals(m) && !"HEAD".equals(m)) {
            return false;
        }
        int status = res.statusCode();
        if ((status < 200 || status >= 300) && status != 304) {
            return false;
        }
        return ETags.fresh(raw.header("if-none-match"), raw.header("if-modified-since"), raw.header("cache-control"),
                res.get("ETag"), res.get("Last-Modified"));
    }

    public boolean stale() {
        return !fresh();
    }

    /** The best of the offered types (extensions or MIME types) by Accept, or null when none is acceptable. */
    public String accepts(String... types) {
        String header = raw.header("accept");
        if (types.length == 0) {
            return null;
        }
        if (header == null) {
            return types[0];
        }
        List<String> mimes = new ArrayList<>(types.length);
        for (String t : types) {
            mimes.add(Negotiation.toMime(t));
        }
        List<String> best = Negotiation.preferred(Negotiation.Kind.TYPE, header, mimes);
        return best.isEmpty() ? null : types[mimes.indexOf(best.get(0))];
    }

    /** The best of the offered encodings by Accept-Encoding (identity acceptable unless refused), or null. */
    public String acceptsEncodings(String... encodings) {
        List<String> best = Negotiation.preferred(Negotiation.Kind.ENCODING, raw.header("accept-encoding"), List.of(encodings));
        return best.isEmpty() ? null : best.get(0);
    }

    /** The best of the offered languages by Accept-Language ("en" accepts "en-US"), or null. */
    public String acceptsLanguages(String... languages) {
        List<String> best = Negotiation.preferred(Negotiation.Kind.LANGUAGE, raw.header("accept-language"), List.of(languages));
        return best.isEmpty() ? null : best.get(0);
    }

    /** Whether the request has a body (Transfer-Encoding, or a numeric Content-Length), as type-is decides. */
    public boolean hasBody() {
        if (raw.header("transfer-encoding") != null) {
            return true;
        }
        String cl = raw.header("content-length");
        return cl != null && !cl.isEmpty() && cl.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The given type the Content-Type matches (type-is: "json", "text/*", "+json", "urlencoded"),
     * the actual type for a wildcard, or null when there is no body or no match.
     */
    public String is(String... types) {
        return hasBody() ? Negotiation.typeIs(raw.header("content-type"), types) : null;
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
