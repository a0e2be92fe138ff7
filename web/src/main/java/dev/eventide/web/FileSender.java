package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import dev.eventide.fs.FileReadStream;
import dev.eventide.fs.FileStreamOptions;
import dev.eventide.fs.Fs;
import dev.eventide.fs.Stats;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Sends one file as the response, as the {@code send} package does (the engine of serveStatic,
 * res.sendFile and res.download). Runs on the loop thread: the stat and every read go to the
 * worker pool through dev.eventide.fs, and the file streams into {@code res.stream()} with
 * backpressure, so a large file is never held in memory.
 *
 * <pre>
 *   stat ─ error ──────────────────────────────> done(HttpError 404/403/500)
 *    │   directory ────────────────────────────> done(HttpError 404 ERR_IS_DIRECTORY): caller redirects or serves an index
 *    ├─ headers (hook, Accept-Ranges, Cache-Control, Last-Modified, ETag, Content-Type)
 *    ├─ If-Match / If-Unmodified-Since fail ───> done(HttpError 412)
 *    ├─ If-None-Match / If-Modified-Since ─────> 304, done(null)
 *    ├─ Range: unsatisfiable ──────────────────> Content-Range: bytes *&#47;size, done(HttpError 416)
 *    │         one range ─> 206; several ─> the whole file (200), as send does
 *    └─ HEAD: headers only; else createReadStream(start, end).pipe(res.stream()) ─> done(null) on 'finish'
 * </pre>
 *
 * <p>{@code done} runs once, on the loop thread. It gets an {@link HttpError} when nothing was
 * written (the caller passes it to next() or answers otherwise), null once the response
 * finished, or a NodeError ECONNABORTED when the client went away before the end.
 */
public final class FileSender {
    private FileSender() {
    }

    /** Sends {@code path} with send's default options. */
    public static void send(WebRequest req, WebResponse res, Path path, Consumer<Throwable> done) {
        send(req, res, path, new SendOptions(), done);
    }

    /** Sends {@code path} (see the class comment for what {@code done} receives). Call on the loop thread. */
    public static void send(WebRequest req, WebResponse res, Path path, SendOptions opts, Consumer<Throwable> done) {
        Consumer<Throwable> once = once(done);
        if (res.headersSent()) {
            once.accept(new HttpError(500, ErrorCode.ERR_HTTP_HEADERS_SENT.code(), "Can't set headers after they are sent."));
            return;
        }
        Fs.stat(path.toString(), (err, stat) -> {
            if (err != null) {
                once.accept(statError(err));
            } else if (stat.isDirectory()) {
                once.accept(new HttpError(404, ErrorCode.ERR_IS_DIRECTORY));
            } else if (!stat.isFile()) {
                // A FIFO or a device would block a pool thread on open or read: never served.
                once.accept(new HttpError(404, ErrorCode.ERR_NOT_FOUND));
            } else {
                serve(req, res, path, stat, opts, once);
            }
        });
    }

    /** send's onStatError, plus 403 for a file the server may not read. */
    static HttpError statError(Throwable err) {
        String code = err instanceof NodeError n ? n.code() : "";
        return switch (code) {
            case "ENOENT", "ENOTDIR", "ENAMETOOLONG", "ELOOP" -> HttpError.causedBy(err, 404, ErrorCode.ERR_NOT_FOUND);
            case "EACCES", "EPERM" -> HttpError.causedBy(err, 403, ErrorCode.ERR_FORBIDDEN);
            default -> HttpError.causedBy(err, 500, ErrorCode.ERR_FILE_STAT);
        };
    }

    private static void serve(WebRequest req, WebResponse res, Path path, Stats stat, SendOptions opts,
            Consumer<Throwable> done) {
        setHeaders(res, path, stat, opts);
        String etag = res.get("ETag");
        String lastModified = res.get("Last-Modified");
        if (Freshness.conditional(req)) {
            if (Freshness.preconditionFailed(req, etag, lastModified)) {
                done.accept(new HttpError(412, ErrorCode.ERR_PRECONDITION_FAILED));
                return;
            }
            int status = res.statusCode();
            if ((status >= 200 && status < 300 || status == 304) && Freshness.fresh(req, etag, lastModified)) {
                notModified(res, done);
                return;
            }
        }
        long[] span = range(req, res, stat.size(), opts, etag, lastModified, done);
        if (span == null) {
            return;
        }
        long offset = span[0];
        long length = span[1];
        res.set("Content-Length", length);
        if ("HEAD".equals(req.method()) || length == 0) {
            finishWith(res, done);
            res.end();
            return;
        }
        stream(res, path, offset, length, done);
    }

    /**
     * The part of the file to send as {offset, length}: the whole file, or the one satisfiable
     * range (206). Null after reporting a 416 to done.
     */
    private static long[] range(WebRequest req, WebResponse res, long size, SendOptions opts, String etag,
            String lastModified, Consumer<Throwable> done) {
        String header = req.get("range");
        if (!opts.acceptRanges || !RangeHeader.isBytes(header) || !Freshness.rangeFresh(req, etag, lastModified)) {
            return new long[] {0, size};
        }
        RangeHeader.Result ranges = RangeHeader.parse(size, header);
        if (ranges.kind() == RangeHeader.Kind.UNSATISFIABLE) {
            res.set("Content-Range", RangeHeader.unsatisfied(size));
            done.accept(new HttpError(416, ErrorCode.ERR_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", RangeHeader.unsatisfied(size)));
            return null;
        }
        if (!ranges.single()) {
            return new long[] {0, size}; // malformed or several ranges: the whole file, as send does
        }
        RangeHeader.Range r = ranges.ranges().get(0);
        res.status(206).set("Content-Range", RangeHeader.contentRange(r, size));
        return new long[] {r.start(), r.length()};
    }

    /** The hook first, then send's defaults for the headers it did not set. */
    private static void setHeaders(WebResponse res, Path path, Stats stat, SendOptions opts) {
        if (opts.headers != null) {
            opts.headers.headers(res, path, stat);
        }
        if (opts.acceptRanges && res.get("Accept-Ranges") == null) {
            res.set("Accept-Ranges", "bytes");
        }
        if (opts.cacheControl && res.get("Cache-Control") == null) {
            res.set("Cache-Control", "public, max-age=" + opts.maxAgeMs / 1000 + (opts.immutable ? ", immutable" : ""));
        }
        long mtimeMs = (long) Math.floor(stat.mtimeMs());
        if (opts.lastModified && res.get("Last-Modified") == null) {
            res.set("Last-Modified", Freshness.httpDate(mtimeMs));
        }
        if (opts.etag && res.get("ETag") == null) {
            res.set("ETag", etag(stat.size(), mtimeMs));
        }
        if (res.get("Content-Type") == null) {
            String name = opts.typeName != null ? opts.typeName : String.valueOf(path.getFileName());
            res.raw().setHeader("Content-Type", MimeTypes.contentType(name));
        }
    }

    /** The weak ETag of the {@code etag} package for a file: W/"size-mtime", both in hex. */
    static String etag(long size, long mtimeMs) {
        return "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(mtimeMs) + "\"";
    }

    private static void notModified(WebResponse res, Consumer<Throwable> done) {
        for (String h : new String[] {"Content-Encoding", "Content-Language", "Content-Length", "Content-Range",
                "Content-Type"}) {
            res.raw().removeHeader(h);
        }
        res.status(304);
        finishWith(res, done);
        res.end();
    }

    /** Streams [offset, offset + length) into res.stream(); the file closes if the client goes away. */
    private static void stream(WebResponse res, Path path, long offset, long length, Consumer<Throwable> done) {
        FileReadStream file = Fs.createReadStream(path.toString(),
                new FileStreamOptions().start(offset).end(offset + length - 1));
        file.on("error", args -> {
            Throwable err = (Throwable) args[0];
            if (!res.headersSent()) {
                done.accept(statError(err));
            } else {
                // Part of the body is out: the response cannot be completed, only cut.
                res.raw().destroy(err);
                done.accept(err);
            }
        });
        res.raw().on("close", args -> {
            if (!file.destroyed()) {
                file.destroy();
            }
        });
        finishWith(res, done);
        file.pipe(res.stream());
    }

    /** Calls done(null) on 'finish', or done(ECONNABORTED) if the response closes first. */
    private static void finishWith(WebResponse res, Consumer<Throwable> done) {
        res.raw().once("finish", args -> done.accept(null));
        res.raw().once("close", args -> {
            if (!res.raw().writableFinished()) {
                done.accept(new NodeError("ECONNABORTED", "Request aborted"));
            }
        });
    }

    private static Consumer<Throwable> once(Consumer<Throwable> done) {
        boolean[] called = {false};
        return err -> {
            if (!called[0]) {
                called[0] = true;
                if (done != null) {
                    done.accept(err);
                }
            }
        };
    }
}
