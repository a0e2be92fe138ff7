package dev.eventide.web;

import dev.eventide.http.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;

/**
 * The default answers of an application (Express 5's finalhandler): "Cannot GET /path" with 404
 * when no layer answered, and for an error its status (an {@link HttpError}'s, or a public
 * {@code status()}/{@code statusCode()}/{@code getStatus()} of any exception, when 4xx or 5xx;
 * else the response's status if already 4xx/5xx; else 500) with the stack trace as the page, or
 * only the status text when the "env" setting is "production". If headers were already sent the
 * connection is destroyed, since the response can no longer be made valid. Errors are logged to
 * stderr unless env is "test". Runs on the loop thread.
 */
final class DefaultErrors {
    private DefaultErrors() {
    }

    static void notFound(WebRequest req, WebResponse res) {
        if (res.headersSent()) {
            destroy(req);
            return;
        }
        String url = req.originalUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        page(req, res, 404, "Cannot " + req.method() + " " + UriCodec.encodeUrl(path));
    }

    /** The earlier signature, kept for callers written against it; the app is req.app(). */
    static void answer(WebApp app, Throwable err, WebRequest req, WebResponse res) {
        answer(err, req, res);
    }

    static void answer(Throwable err, WebRequest req, WebResponse res) {
        log(req.app(), err);
        if (res.headersSent()) {
            destroy(req);
            return;
        }
        int status = status(err);
        if (status < 0) {
            int current = res.statusCode();
            status = current >= 400 && current < 600 ? current : 500;
        }
        String message = "production".equals(req.app().setting("env")) ? null : stack(err);
        if (message == null || message.isEmpty()) {
            message = Http.STATUS_CODES.getOrDefault(status, Integer.toString(status));
        }
        page(err, req, res, status, message);
    }

    private static void destroy(WebRequest req) {
        if (req.raw().socket() != null) {
            req.raw().socket().destroy();
        }
    }

    /** The error's own status when it has one in 400..599, else -1. */
    static int status(Throwable err) {
        if (err instanceof HttpError h) {
            return valid(h.status());
        }
        for (String name : new String[] {"status", "statusCode", "getStatus", "getStatusCode"}) {
            try {
                Method m = err.getClass().getMethod(name);
                if (m.getReturnType() == int.class && m.canAccess(err)) {
                    int s = valid((Integer) m.invoke(err));
                    if (s > 0) {
                        return s;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no such accessor, or not ours to call: the error has no status
            }
        }
        return -1;
    }

    private static int valid(int status) {
        return status >= 400 && status < 600 ? status : -1;
    }

    private static String stack(Throwable err) {
        StringWriter sw = new StringWriter();
        err.printStackTrace(new PrintWriter(sw));
        return sw.toString().replace("\t", "    ").stripTrailing();
    }

    /** finalhandler's write(): the HTML page, security headers, content headers of the failed response removed. */
    private static void page(WebRequest req, WebResponse res, int status, String message) {
        page(null, req, res, status, message);
    }

    private static void page(Throwable err, WebRequest req, WebResponse res, int status, String message) {
        String body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                + "</head>\n<body>\n<pre>" + escapeHtml(message).replace("\n", "<br>").replace("  ", " &nbsp;")
                + "</pre>\n</body>\n</html>\n";
        var raw = res.raw();
        raw.statusCode(status);
        raw.removeHeader("Content-Encoding");
        raw.removeHeader("Content-Language");
        raw.removeHeader("Content-Range");
        if (err instanceof HttpError h && h.status() == status) {
            h.headers().forEach(raw::setHeader); // finalhandler's err.headers, after the removals
        }
        raw.setHeader("Content-Security-Policy", "default-src 'none'");
        raw.setHeader("X-Content-Type-Options", "nosniff");
        raw.setHeader("Content-Type", "text/html; charset=utf-8");
        res.sendPlain(body);
    }

    /** Logs an error to stderr as Express's logerror does, unless env is "test". */
    static void log(WebApp app, Throwable err) {
        if (!"test".equals(app.setting("env"))) {
            System.err.println(stack(err));
        }
    }

    static String escapeHtml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
