package dev.eventide.web;

import dev.eventide.net.NetSocket;
import java.time.Instant;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The request logger middleware ({@code Web.logger()}): one JSON line per request, written when
 * the response has finished, or when the connection closed before it could (then with
 * {@code "aborted":true}), in the spirit of pino-http:
 *
 * <pre>
 * {"time":"2025-01-01T12:00:00.123Z","method":"GET","url":"/users/7?x=1","status":200,
 *  "length":27,"duration":0.412,"remote":"127.0.0.1","userAgent":"curl/8.5.0","requestId":"..."}
 * </pre>
 *
 * {@code time} is when the line was made; {@code duration} is milliseconds, to the microsecond,
 * from this middleware to the end of the response (System.nanoTime); {@code length} is the
 * Content-Length header, or else the bytes written to the connection for this response (head
 * and chunk framing included), or null if nothing was written; {@code requestId} appears when a
 * middleware set {@code req.attr("requestId")}. By default lines go to standard output through
 * {@link LineWriter#stdout()}, whose own thread does the writing so the loop never waits for a
 * terminal or a pipe. Handlers run on the loop thread.
 */
public final class RequestLogger {
    private RequestLogger() {
    }

    /** The logger's settings, with pino-http's behaviour by default. */
    public static final class Options {
        Consumer<String> sink;
        BiPredicate<WebRequest, WebResponse> skip = (req, res) -> false;
        LongSupplier clock = System::currentTimeMillis;

        /** Where lines go (without their newline), called on the loop thread; default stdout. */
        public Options sink(Consumer<String> sink) {
            this.sink = sink;
            return this;
        }

        /** Requests for which no line is written, tested when the response ends (morgan's skip). */
        public Options skip(BiPredicate<WebRequest, WebResponse> skip) {
            this.skip = skip;
            return this;
        }

        /** The wall clock for {@code time}, in epoch milliseconds (tests fix it). */
        public Options clock(LongSupplier epochMillis) {
            this.clock = epochMillis;
            return this;
        }
    }

    public static Handler create() {
        return create(new Options());
    }

    public static Handler create(Options options) {
        Consumer<String> sink = options.sink != null ? options.sink : LineWriter.stdout();
        BiPredicate<WebRequest, WebResponse> skip = options.skip;
        LongSupplier clock = options.clock;
        return (req, res, next) -> {
            long start = System.nanoTime();
            NetSocket socket = req.raw().socket();
            long written = socket == null ? 0 : socket.bytesWritten();
            boolean[] logged = {false};
            res.on("finish", a -> log(false, start, written, logged, req, res, sink, skip, clock));
            res.on("close", a -> log(!res.raw().writableFinished(), start, written, logged, req, res, sink, skip, clock));
            next.call();
        };
    }

    private static void log(boolean aborted, long start, long writtenBefore, boolean[] logged, WebRequest req,
            WebResponse res, Consumer<String> sink, BiPredicate<WebRequest, WebResponse> skip, LongSupplier clock) {
        if (logged[0]) {
            return;
        }
        logged[0] = true;
        double ms = (System.nanoTime() - start) / 1e6;
        if (skip.test(req, res)) {
            return;
        }
        JsonLine line = new JsonLine()
                .field("time", Instant.ofEpochMilli(clock.getAsLong()).toString())
                .field("method", req.method())
                .field("url", req.originalUrl())
                .field("status", res.statusCode());
        long length = length(req, res, writtenBefore);
        if (length < 0) {
            line.field("length", (String) null);
        } else {
            line.field("length", length);
        }
        line.millis("duration", ms)
                .field("remote", req.ip())
                .field("userAgent", req.get("user-agent"));
        Object id = req.attr("requestId");
        if (id != null) {
            line.field("requestId", id.toString());
        }
        if (aborted) {
            line.field("aborted", true);
        }
        sink.accept(line.end());
    }

    /** Content-Length, else bytes this response put on the connection, else -1. */
    private static long length(WebRequest req, WebResponse res, long writtenBefore) {
        String header = res.get("content-length");
        if (header != null) {
            try {
                return Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        NetSocket socket = req.raw().socket();
        long delta = socket == null ? 0 : socket.bytesWritten() - writtenBefore;
        return delta > 0 ? delta : -1;
    }
}
