package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.fs.Fs;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Static files under a root directory, as the {@code serve-static} package serves them, with
 * {@link FileSender} doing the sending. Built at start-up; its handler runs on the loop thread
 * and never blocks it (realpath and stat go to the worker pool).
 *
 * <p>Never leaves the root: {@link StaticPaths} refuses malformed escapes, NUL bytes (400) and
 * ".." in any spelling (403) before the file system is touched, and the real path of what is
 * found (symlinks resolved) must lie under the root's real path (403), so a link pointing out
 * of the root is not followed. Unlike serve-static, these refusals are answered even with
 * fallthrough on: a traversal attempt is not a "file not found" for the next handler to guess
 * at. Likewise dotfiles "deny" is always a 403.
 */
public final class ServeStatic {
    /** What to do with a path that has a segment starting with '.' (serve-static's dotfiles). */
    public enum Dotfiles { ALLOW, DENY, IGNORE }

    /** serve-static's options and defaults; the send options (maxAge, etag...) are included. */
    public static final class Options {
        final SendOptions send = new SendOptions();
        List<String> index = List.of("index.html");
        List<String> extensions = List.of();
        Dotfiles dotfiles = Dotfiles.IGNORE;
        boolean fallthrough = true;
        boolean redirect = true;

        /** Index files tried for a path ending in '/', in order (default index.html; empty for none). */
        public Options index(String... names) {
            index = List.of(names);
            return this;
        }

        /** Extensions tried, in order, when a path without one is not found ("html" serves /about as about.html). */
        public Options extensions(String... exts) {
            extensions = List.of(exts);
            return this;
        }

        public Options dotfiles(Dotfiles policy) {
            dotfiles = policy;
            return this;
        }

        /** True (default): unknown files and other methods go to next(); false: 404 and 405. */
        public Options fallthrough(boolean on) {
            fallthrough = on;
            return this;
        }

        /** Redirect a directory to its path with a trailing slash (default true); else 404. */
        public Options redirect(boolean on) {
            redirect = on;
            return this;
        }

        public Options maxAge(long ms) {
            send.maxAge(ms);
            return this;
        }

        public Options immutable(boolean on) {
            send.immutable(on);
            return this;
        }

        public Options etag(boolean on) {
            send.etag(on);
            return this;
        }

        public Options lastModified(boolean on) {
            send.lastModified(on);
            return this;
        }

        public Options acceptRanges(boolean on) {
            send.acceptRanges(on);
            return this;
        }

        public Options cacheControl(boolean on) {
            send.cacheControl(on);
            return this;
        }

        /** serve-static's setHeaders(res, path, stat): runs before the defaults, so its headers win. */
        public Options setHeaders(SendOptions.HeadersHook hook) {
            send.headers(hook);
            return this;
        }
    }

    private final Path root;
    private final Options opts;
    /** The root with symlinks resolved; found once, on the first request (null until then). */
    private Path realRoot;

    private ServeStatic(Path root, Options opts) {
        this.root = root.toAbsolutePath().normalize();
        this.opts = opts;
    }

    /** serveStatic(root) with serve-static's defaults. */
    public static Handler create(String root) {
        return create(root, new Options());
    }

    public static Handler create(String root, Options options) {
        ServeStatic s = new ServeStatic(Path.of(root), options);
        return s::handle;
    }

    private void handle(WebRequest req, WebResponse res, Next next) {
        String method = req.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            if (opts.fallthrough) {
                next.call();
            } else {
                res.status(405).set("Allow", "GET, HEAD").set("Content-Length", "0");
                res.end();
            }
            return;
        }
        String urlPath = req.path();
        if (urlPath.equals("/") && !pathOf(req.originalUrl()).endsWith("/")) {
            urlPath = ""; // a mount point asked without its slash: the directory redirect adds it
        }
        StaticPaths.Parsed parsed = StaticPaths.parse(urlPath); // throws 400/403 to the error handlers
        if (parsed.hasDotfile() && opts.dotfiles != Dotfiles.ALLOW) {
            if (opts.dotfiles == Dotfiles.DENY) {
                next.call(new HttpError(403, ErrorCode.ERR_DOTFILE));
            } else {
                notFound(next, null);
            }
            return;
        }
        withRealRoot(next, real -> {
            Request r = new Request(req, res, next, parsed, real);
            if (parsed.trailingSlash()) {
                r.tryIndex(0);
            } else {
                r.tryFile(parsed.under(root), 0);
            }
        });
    }

    private void withRealRoot(Next next, Consumer<Path> then) {
        if (realRoot != null) {
            then.accept(realRoot);
            return;
        }
        Fs.promises().realpath(root.toString()).subscribe(p -> {
            realRoot = Path.of(p);
            then.accept(realRoot);
        }, err -> notFound(next, err));
    }

    private void notFound(Next next, Throwable cause) {
        if (opts.fallthrough) {
            next.call();
        } else {
            next.call(HttpError.causedBy(cause, 404, ErrorCode.ERR_NOT_FOUND));
        }
    }

    static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** One request's walk: index files or extensions in turn until one is sent. Loop thread. */
    private final class Request {
        private final WebRequest req;
        private final WebResponse res;
        private final Next next;
        private final StaticPaths.Parsed parsed;
        private final Path real;

        Request(WebRequest req, WebResponse res, Next next, StaticPaths.Parsed parsed, Path real) {
            this.req = req;
            this.res = res;
            this.next = next;
            this.parsed = parsed;
            this.real = real;
        }

        void tryIndex(int i) {
            if (i >= opts.index.size()) {
                notFound(next, null);
                return;
            }
            Path dir = parsed.under(root);
            sendChecked(dir.resolve(opts.index.get(i)), err -> tryIndex(i + 1), err -> tryIndex(i + 1));
        }

        /** The file itself, then with each extension (i > 0) while it is not found. */
        void tryFile(Path base, int i) {
            String name = base.getFileName() == null ? "" : base.getFileName().toString();
            Path candidate = i == 0 ? base : base.resolveSibling(name + "." + opts.extensions.get(i - 1));
            Consumer<Throwable> missing = err -> {
                if (!parsed.segments().isEmpty() && !name.contains(".") && i < opts.extensions.size()) {
                    tryFile(base, i + 1);
                } else {
                    notFound(next, err);
                }
            };
            sendChecked(candidate, missing, i == 0 ? err -> directory() : missing);
        }

        private void directory() {
            if (!opts.redirect) {
                notFound(next, null);
                return;
            }
            String original = req.originalUrl();
            int q = original.indexOf('?');
            String loc = StaticPaths.slashRedirect(pathOf(original), q < 0 ? null : original.substring(q + 1));
            String doc = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Redirecting</title>\n"
                    + "</head>\n<body>\n<pre>Redirecting to " + WebApp.escapeHtml(loc) + "</pre>\n</body>\n</html>\n";
            res.status(301).set("Content-Type", "text/html; charset=UTF-8")
                    .set("Content-Security-Policy", "default-src 'none'").set("X-Content-Type-Options", "nosniff")
                    .set("Location", loc).send(doc);
        }

        /** Resolves symlinks, checks the result is under the root, then sends it. */
        private void sendChecked(Path path, Consumer<Throwable> missing, Consumer<Throwable> isDirectory) {
            Fs.promises().realpath(path.toString()).subscribe(p -> {
                Path target = Path.of(p);
                if (!target.startsWith(real)) {
                    next.call(new HttpError(403, ErrorCode.ERR_OUTSIDE_ROOT));
                    return;
                }
                SendOptions send = opts.send.copy();
                send.typeName = String.valueOf(path.getFileName());
                FileSender.send(req, res, target, send, err -> done(err, missing, isDirectory));
            }, err -> {
                HttpError e = FileSender.statError(err);
                if (e.status() == 404) {
                    missing.accept(e);
                } else {
                    next.call(e);
                }
            });
        }

        private void done(Throwable err, Consumer<Throwable> missing, Consumer<Throwable> isDirectory) {
            if (err == null || err instanceof NodeError n && "ECONNABORTED".equals(n.code())) {
                return;
            }
            if (err instanceof HttpError h && h.is(ErrorCode.ERR_IS_DIRECTORY)) {
                isDirectory.accept(err);
            } else if (err instanceof HttpError h && h.is(ErrorCode.ERR_NOT_FOUND)) {
                missing.accept(err);
            } else {
                next.call(err); // the file exists: its errors (412, 416, 403, 500) are forwarded, as serve-static does
            }
        }
    }
}
