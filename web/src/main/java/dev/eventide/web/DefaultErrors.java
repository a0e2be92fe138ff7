package dev.eventide.web;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The default error handler (Express's finalhandler): the error's status if it has one (4xx or
 * 5xx), else 500; the stack trace in the page unless the environment is "production", where
 * only the status text is shown. If headers were already sent the connection is destroyed,
 * since the response can no longer be made valid.
 */
final class DefaultErrors {
    private DefaultErrors() {
    }

    static void answer(WebApp app, Throwable err, WebRequest req, WebResponse res) {
        if (res.headersSent()) {
            if (req.raw().socket() != null) {
                req.raw().socket().destroy();
            }
            return;
        }
        int status = err instanceof HttpError h && h.status() >= 400 && h.status() < 600 ? h.status() : 500;
        boolean production = "production".equals(app.setting("env"));
        String text;
        if (production) {
            String phrase = dev.eventide.http.Http.STATUS_CODES.get(status);
            text = err instanceof HttpError h && h.expose() ? h.getMessage() : phrase;
        } else {
            StringWriter sw = new StringWriter();
            err.printStackTrace(new PrintWriter(sw));
            text = sw.toString();
        }
        res.status(status).set("Content-Security-Policy", "default-src 'none'")
                .set("X-Content-Type-Options", "nosniff").type("text/html");
        res.send("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                + "</head>\n<body>\n<pre>" + WebApp.escapeHtml(text) + "</pre>\n</body>\n</html>\n");
    }
}
