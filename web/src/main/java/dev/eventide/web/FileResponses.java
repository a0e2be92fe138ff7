package dev.eventide.web;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * res.sendFile and res.download (Express 5) on {@link FileSender}: the path must be absolute
 * unless a root is given (then the path is resolved under the root and may not leave it, and
 * dotfiles are refused as serve-static ignores them). Without a callback, errors go where
 * Express sends them: a directory to next(), an aborted transfer nowhere, anything else to
 * next(err). Loop thread.
 */
final class FileResponses {
    private FileResponses() {
    }

    static void sendFile(WebResponse res, String path, String root, SendOptions options, Consumer<Throwable> callback) {
        WebRequest req = res.req();
        Consumer<Throwable> done = callback != null ? callback : err -> toNext(req, res, err);
        Path file;
        if (root != null) {
            StaticPaths.Parsed parsed;
            try {
                parsed = StaticPaths.parse(path);
            } catch (HttpError refused) {
                done.accept(refused); // 400 for a malformed path, 403 for one that leaves the root
                return;
            }
            if (parsed.hasDotfile()) {
                done.accept(new HttpError(404, ErrorCode.ERR_NOT_FOUND));
                return;
            }
            file = parsed.under(Path.of(root));
        } else {
            if (!Path.of(path).isAbsolute()) {
                throw ErrorCode.ERR_INVALID_ARG_VALUE.withMessage(
                        "path must be absolute or specify root to res.sendFile");
            }
            file = Path.of(path);
        }
        FileSender.send(req, res, file, options == null ? new SendOptions() : options, done);
    }

    static void download(WebResponse res, String path, String filename, SendOptions options, Consumer<Throwable> callback) {
        res.attachment(filename != null ? filename : path);
        sendFile(res, path, null, options, callback);
    }

    private static void toNext(WebRequest req, WebResponse res, Throwable err) {
        if (err == null) {
            return;
        }
        if (err instanceof HttpError h && h.is(ErrorCode.ERR_IS_DIRECTORY)) {
            err = null; // Express: next() for a directory
        } else if (err instanceof NodeError n && "ECONNABORTED".equals(n.code())) {
            return; // the client left: nobody to answer
        }
        Next next = req.next;
        if (next == null) {
            if (err == null) {
                DefaultErrors.notFound(req, res);
            } else {
                DefaultErrors.answer(err, req, res);
            }
        } else if (err == null) {
            next.call();
        } else {
            next.call(err);
        }
    }
}
