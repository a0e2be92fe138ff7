package dev.eventide.http;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.NodeError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What a server does with a request whose head has arrived (Node's parserOnIncoming): the
 * upgrade decision, the response, the Host and Expect rules, the per-socket request limit,
 * and then the 'request' event. Also the fixed answers to client errors. Loop thread only.
 */
final class ServerDispatch {
    private static final byte[] BAD_REQUEST = bytes("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    private static final byte[] TOO_LARGE = bytes("HTTP/1.1 431 Request Header Fields Too Large\r\n"
            + "Connection: close\r\n\r\n");
    private static final byte[] EXTENSIONS_TOO_LARGE = bytes("HTTP/1.1 413 Payload Too Large\r\n"
            + "Connection: close\r\n\r\n");
    private static final byte[] TIMEOUT = bytes("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");

    private ServerDispatch() {}

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Returns the parser's onHeadersComplete answer: OK, or SKIP_BODY_UPGRADE for a taken upgrade. */
    static int onIncoming(ServerConnection c, IncomingMessage req, boolean keepAlive, boolean upgrade) {
        HttpServer server = c.server;
        c.track(req);
        if (upgrade) {
            String event = "CONNECT".equals(req.method) ? "connect" : "upgrade";
            req.upgrade = server.listenerCount(event) > 0;
            if (req.upgrade) {
                return Http1Handler.SKIP_BODY_UPGRADE;
            }
        }
        ServerResponse res = new ServerResponse(req, c, server.highWaterMark());
        res.shouldKeepAlive = keepAlive;
        c.enqueue(res);
        int max = server.maxRequestsPerSocket();
        if (max > 0 && c.requestsCount > max) {
            res.writeHead(503);
            res.end();
            return Http1Handler.OK;
        }
        if (req.versionMajor == 1 && req.versionMinor == 1) {
            if (server.requireHostHeader() && !req.head.has("host")) {
                res.writeHead(400, null, List.of("Connection", "close"));
                res.end();
                return Http1Handler.OK;
            }
            String expect = req.head.first("expect");
            if (expect != null) {
                expect(server, req, res, expect);
                return Http1Handler.OK;
            }
        }
        server.emit("request", req, res);
        return Http1Handler.OK;
    }

    private static void expect(HttpServer server, IncomingMessage req, ServerResponse res, String expect) {
        if (expect.toLowerCase(Locale.ROOT).equals("100-continue")) {
            res.expectContinue = true;
            if (server.listenerCount("checkContinue") > 0) {
                server.emit("checkContinue", req, res);
            } else {
                res.writeContinue();
                server.emit("request", req, res);
            }
        } else if (server.listenerCount("checkExpectation") > 0) {
            server.emit("checkExpectation", req, res);
        } else {
            res.writeHead(417);
            res.end();
        }
    }

    /** Node's answers in socketOnError, by error code. */
    static byte[] errorResponse(Throwable err) {
        if (ErrorCode.ERR_HTTP_REQUEST_TIMEOUT.is(err)) {
            return TIMEOUT;
        }
        String code = err instanceof NodeError ne ? ne.code() : "";
        return switch (code) {
            case "HPE_HEADER_OVERFLOW" -> TOO_LARGE;
            case "HPE_CHUNK_EXTENSIONS_OVERFLOW" -> EXTENSIONS_TOO_LARGE;
            default -> BAD_REQUEST;
        };
    }
}
