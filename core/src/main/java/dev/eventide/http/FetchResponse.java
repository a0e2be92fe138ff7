package dev.eventide.http;

import dev.eventide.errors.Errors;
import dev.eventide.errors.ErrorCode;
import dev.eventide.buffer.Bytes;
import dev.eventide.promise.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@link Http#fetch}: status, headers, and the body read once, as text, bytes,
 * JSON through a reader the caller gives (core has no JSON library), or as the stream itself.
 * Loop thread only.
 */
public final class FetchResponse {
    private final IncomingMessage message;
    private final String url;
    private boolean used;

    FetchResponse(IncomingMessage message, String url) {
        this.message = message;
        this.url = url;
    }

    public int status() {
        return message.statusCode();
    }

    public String statusText() {
        return message.statusMessage();
    }

    /** True for a 2xx status. */
    public boolean ok() {
        return status() >= 200 && status() < 300;
    }

    /** Whether a redirect was followed: never, here (redirects come back as they are). */
    public boolean redirected() {
        return false;
    }

    public String url() {
        return url;
    }

    /** Lower-case names to values, as IncomingMessage.headers(). */
    public Map<String, Object> headers() {
        return message.headers();
    }

    /** One header (set-cookie joined with ", "), or null. */
    public String header(String name) {
        return message.header(name);
    }

    /** The body as a stream, for reading it as it arrives. */
    public IncomingMessage body() {
        claim();
        return message;
    }

    public boolean bodyUsed() {
        return used;
    }

    /** The whole body (arrayBuffer() in the Fetch standard). */
    public Promise<Bytes> bytes() {
        claim();
        return new Promise<>((resolve, reject) -> {
            List<Bytes> parts = new ArrayList<>();
            message.on("data", a -> parts.add((Bytes) a[0]));
            message.on("end", a -> resolve.accept(Bytes.concat(parts)));
            message.on("error", a -> reject.accept((Throwable) a[0]));
            message.on("aborted", a -> reject.accept(Errors.connReset("aborted")));
        });
    }

    /** The whole body, decoded as UTF-8. */
    public Promise<String> text() {
        return bytes().then(b -> b.toString("utf8"));
    }

    /** The body parsed by {@code reader} (e.g. a Jackson ObjectMapper's readValue). */
    public <T> Promise<T> json(Promise.Fn<String, T> reader) {
        return text().then(reader);
    }

    private void claim() {
        if (used) {
            throw ErrorCode.ERR_INVALID_STATE.make("Body is unusable: Body has already been read");
        }
        used = true;
    }
}
