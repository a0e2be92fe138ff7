package dev.eventide.stream;

import dev.eventide.errors.Errors;
import dev.eventide.errors.NodeError;

/** The stream package's errors, with Node's codes and messages. Stateless. */
final class StreamErrors {
    private StreamErrors() {}

    static NodeError pushAfterEof() {
        return new NodeError("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
    }

    static NodeError unshiftAfterEnd() {
        return new NodeError("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event");
    }

    static NodeError writeAfterEnd() {
        return new NodeError("ERR_STREAM_WRITE_AFTER_END", "write after end");
    }

    static NodeError destroyed(String method) {
        return new NodeError("ERR_STREAM_DESTROYED", "Cannot call " + method + " after a stream was destroyed");
    }

    static NodeError alreadyFinished(String method) {
        return new NodeError("ERR_STREAM_ALREADY_FINISHED",
                "Cannot call " + method + " after a stream was finished");
    }

    static NodeError nullValues() {
        return new NodeError("ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    }

    static NodeError multipleCallback() {
        return new NodeError("ERR_MULTIPLE_CALLBACK", "Callback called multiple times");
    }

    static NodeError prematureClose() {
        return new NodeError("ERR_STREAM_PREMATURE_CLOSE", "Premature close");
    }

    static NodeError cannotPipe() {
        return new NodeError("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable");
    }

    static NodeError missingArgs(String name) {
        return new NodeError("ERR_MISSING_ARGS", "The \"" + name + "\" argument must be specified");
    }

    static NodeError unknownEncoding(String enc) {
        return new NodeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + enc);
    }

    static NodeError invalidChunk(Object chunk, String types) {
        return Errors.invalidArgType("chunk", "of type " + types, chunk);
    }

    static NodeError notImplemented(String method) {
        return Errors.methodNotImplemented(method);
    }
}
