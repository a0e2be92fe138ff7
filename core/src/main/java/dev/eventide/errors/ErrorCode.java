package dev.eventide.errors;

import java.util.HashMap;
import java.util.Map;

/**
 * The catalogue of every {@code ERR_...} code Eventide reports, each with its message template
 * and the JavaScript class Node gives it. Immutable; usable from any thread.
 *
 * <p>Templates are Node's (lib/internal/errors.js, or src/node_errors.h for the codes Node
 * raises from C++), with {@code %s} for each argument in order, as Node's string templates.
 * Where Node's template is a function (ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE), the template
 * holds its fixed words and the helpers in {@code Errors} shape the arguments (quoting,
 * "Received type number (5)", digit grouping). Codes Node does not have (ERR_WRONG_THREAD, the
 * web layer's http-errors codes) follow the same form. A template of just {@code %s} marks a
 * code whose sentence is the caller's, as Node's own ERR_CRYPTO_OPERATION_FAILED is.
 *
 * <p>No code string or message template lives outside this file: packages call
 * {@code ErrorCode.X.make(args)} or an argument-shaping helper that does.
 */
public enum ErrorCode {
    // --- errors, validators and the loop
    ERR_INVALID_ARG_TYPE(JsClass.TypeError, "The \"%s\" %s must be %s. Received %s"),
    ERR_INVALID_ARG_VALUE(JsClass.TypeError, "The %s '%s' %s. Received %s"),
    ERR_OUT_OF_RANGE(JsClass.RangeError, "The value of \"%s\" is out of range. It must be %s. Received %s"),
    ERR_MISSING_ARGS(JsClass.TypeError, "The %s argument must be specified"),
    ERR_INVALID_STATE(JsClass.Error, "Invalid state: %s"),
    ERR_METHOD_NOT_IMPLEMENTED(JsClass.Error, "The %s method is not implemented"),
    ERR_UNKNOWN_ENCODING(JsClass.TypeError, "Unknown encoding: %s"),
    ERR_FEATURE_UNAVAILABLE_ON_PLATFORM(JsClass.TypeError,
            "The feature %s is unavailable on the current platform, which is being used to run Node.js"),
    ERR_WRONG_THREAD(JsClass.Error,
            "%s belongs to loop thread '%s' and was touched from thread '%s'; use loop.execute(task) to reach it"),
    ERR_NO_LOOP(JsClass.Error, "No event loop runs on thread '%s'; start one with EventLoop.run(main)"
            + " or reach one with loop.execute(task)"),
    ERR_NO_PROCESS(JsClass.Error,
            "this loop has no process object (module dev.eventide's service was not loaded)"),
    ABORT_ERR(JsClass.AbortError, "The operation was aborted"),

    // --- events
    ERR_UNHANDLED_ERROR(JsClass.Error, "Unhandled error. (%s)"),

    // --- buffer
    ERR_BUFFER_OUT_OF_BOUNDS(JsClass.RangeError, "Attempt to access memory outside buffer bounds"),
    ERR_INVALID_BUFFER_SIZE(JsClass.RangeError, "Buffer size must be a multiple of %s"),
    ERR_BUFFER_TOO_LARGE(JsClass.RangeError, "Cannot create a Buffer larger than %s bytes"),

    // --- stream
    ERR_STREAM_PUSH_AFTER_EOF(JsClass.Error, "stream.push() after EOF"),
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT(JsClass.Error, "stream.unshift() after end event"),
    ERR_STREAM_WRITE_AFTER_END(JsClass.Error, "write after end"),
    ERR_STREAM_DESTROYED(JsClass.Error, "Cannot call %s after a stream was destroyed"),
    ERR_STREAM_ALREADY_FINISHED(JsClass.Error, "Cannot call %s after a stream was finished"),
    ERR_STREAM_NULL_VALUES(JsClass.TypeError, "May not write null values to stream"),
    ERR_MULTIPLE_CALLBACK(JsClass.Error, "Callback called multiple times"),
    ERR_STREAM_PREMATURE_CLOSE(JsClass.Error, "Premature close"),
    ERR_STREAM_CANNOT_PIPE(JsClass.Error, "Cannot pipe, not readable"),

    // --- fs (ERR_FS_EISDIR and ERR_FS_CP_EINVAL are SystemErrors in Node)
    ERR_FS_FILE_TOO_LARGE(JsClass.RangeError, "File size (%s) is greater than 2 GiB"),
    ERR_FS_EISDIR(JsClass.SystemError, "Path is a directory: %s returned EISDIR (%s) %s"),
    ERR_FS_CP_EINVAL(JsClass.SystemError,
            "Invalid src or dest: cp returned EINVAL (cannot copy %s to a subdirectory of self %s) %s"),

    // --- net and dns
    ERR_SERVER_NOT_RUNNING(JsClass.Error, "Server is not running."),
    ERR_SERVER_ALREADY_LISTEN(JsClass.Error, "Listen method has been called more than once without closing."),
    ERR_SOCKET_CLOSED(JsClass.Error, "Socket is closed"),
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION(JsClass.Error, "Socket closed before the connection was established"),
    ERR_SOCKET_BAD_PORT(JsClass.RangeError, "%s should be >= 0 and < 65536. Received %s."),
    ERR_SOCKET_CONNECTION_TIMEOUT(JsClass.Error, "Socket connection timeout"),
    ERR_INVALID_ADDRESS_FAMILY(JsClass.RangeError, "Invalid address family: %s %s:%s"),
    ERR_INVALID_IP_ADDRESS(JsClass.TypeError, "Invalid IP address: %s"),

    // --- http
    ERR_HTTP_HEADERS_SENT(JsClass.Error, "Cannot %s headers after they are sent to the client"),
    ERR_HTTP_INVALID_HEADER_VALUE(JsClass.TypeError, "Invalid value \"%s\" for header \"%s\""),
    ERR_INVALID_HTTP_TOKEN(JsClass.TypeError, "%s must be a valid HTTP token [\"%s\"]"),
    ERR_INVALID_CHAR(JsClass.TypeError, "Invalid character in %s [\"%s\"]"),
    ERR_HTTP_INVALID_STATUS_CODE(JsClass.RangeError, "Invalid status code: %s"),
    ERR_HTTP_TRAILER_INVALID(JsClass.Error, "Trailers are invalid with this transfer encoding"),
    ERR_HTTP_REQUEST_TIMEOUT(JsClass.Error, "Request timeout"),
    ERR_UNESCAPED_CHARACTERS(JsClass.TypeError, "%s contains unescaped characters"),
    ERR_INVALID_PROTOCOL(JsClass.TypeError, "Protocol \"%s\" not supported. Expected \"%s\""),

    // --- zlib and brotli
    ERR_ZLIB_INITIALIZATION_FAILED(JsClass.Error, "Initialization failed"),
    ERR_BROTLI_INVALID_PARAM(JsClass.RangeError, "%s is not a valid Brotli parameter"),
    ERR_BROTLI_COMPRESSION_FAILED(JsClass.Error, "Compression failed"),
    ERR_BROTLI_UNAVAILABLE(JsClass.Error,
            "Brotli is not available: libbrotli could not be loaded through brotli4j (%s)"),

    // --- crypto (most are raised from Node's C++; the OpenSSL texts are OpenSSL 3's)
    ERR_CRYPTO_INVALID_DIGEST(JsClass.TypeError, "Invalid digest%s"),
    ERR_CRYPTO_HASH_FINALIZED(JsClass.Error, "Digest already called"),
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH(JsClass.RangeError, "Input buffers must have the same byte length"),
    // C++ adds ": <OpenSSL error>" when OpenSSL gave one.
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS(JsClass.RangeError, "Invalid scrypt params%s"),
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER(JsClass.Error, "Invalid scrypt parameter"),
    ERR_CRYPTO_INVALID_KEYLEN(JsClass.RangeError, "Invalid key length"),
    ERR_CRYPTO_INVALID_IV(JsClass.TypeError, "Invalid initialization vector"),
    ERR_CRYPTO_UNKNOWN_CIPHER(JsClass.Error, "Unknown cipher"),
    ERR_CRYPTO_INVALID_AUTH_TAG(JsClass.TypeError, "Invalid authentication tag length: %s"),
    // JS says "Invalid state for operation %s"; C++ says "Invalid state" alone.
    ERR_CRYPTO_INVALID_STATE(JsClass.Error, "Invalid state%s"),
    ERR_CRYPTO_INVALID_CURVE(JsClass.TypeError, "Invalid EC curve name"),
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(JsClass.TypeError, "Invalid key object type %s, expected %s."),
    ERR_CRYPTO_OPERATION_FAILED(JsClass.Error, "%s failed: %s"),
    ERR_CRYPTO_UNSUPPORTED_OPERATION(JsClass.Error, "Unsupported crypto operation"),
    ERR_OSSL_BAD_DECRYPT(JsClass.Error, "error:1C800064:Provider routines::bad decrypt"),
    ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH(JsClass.Error, "error:1C80006B:Provider routines::wrong final block length"),
    ERR_OSSL_INVALID_DIGEST(JsClass.Error, "error:1C80007A:Provider routines::invalid digest"),
    ERR_OSSL_UNSUPPORTED(JsClass.Error, "error:1E08010C:DECODER routines::unsupported%s"),

    // --- web: http-errors style codes of dev.eventide.web (not Node's; statuses are the caller's)
    ERR_NOT_FOUND(JsClass.Error, "Not Found"),
    ERR_IS_DIRECTORY(JsClass.Error, "Not Found"),
    ERR_FORBIDDEN(JsClass.Error, "Forbidden"),
    ERR_DOTFILE(JsClass.Error, "Forbidden"),
    ERR_OUTSIDE_ROOT(JsClass.Error, "Forbidden: the file is outside the root"),
    ERR_PATH_TRAVERSAL(JsClass.Error, "Forbidden: path leaves the root"),
    ERR_BAD_PATH(JsClass.Error, "Bad Request: %s"),
    ERR_FILE_STAT(JsClass.Error, "Internal Server Error"),
    ERR_PRECONDITION_FAILED(JsClass.Error, "Precondition Failed"),
    ERR_RANGE_NOT_SATISFIABLE(JsClass.Error, "Range Not Satisfiable"),
    ERR_NOT_ACCEPTABLE(JsClass.Error, "Not Acceptable"),
    ERR_RESPONSE_TIMEOUT(JsClass.Error, "Response timeout"),
    ERR_INVALID_URL_PARAM(JsClass.Error, "Failed to decode param '%s'"),
    ERR_BODY_ABORTED(JsClass.Error, "request %s"),
    ERR_BODY_TOO_LARGE(JsClass.Error, "request entity too large"),
    ERR_BODY_SIZE_MISMATCH(JsClass.Error, "request size did not match content length"),
    ERR_BODY_INFLATE(JsClass.Error, "invalid %s body"),
    ERR_BODY_PARSE(JsClass.Error, "%s"),
    ERR_UNSUPPORTED_ENCODING(JsClass.Error, "%s"),
    ERR_UNSUPPORTED_CHARSET(JsClass.Error, "unsupported charset \"%s\""),
    ERR_TOO_MANY_PARAMETERS(JsClass.Error, "too many parameters"),
    ERR_VALIDATION(JsClass.Error, "request validation failed");

    /** The JavaScript class Node gives the error, reported as Node's {@code err.name}. */
    public enum JsClass {
        Error, TypeError, RangeError, AbortError, SystemError
    }

    /** Node's message for any libbrotli decode error; its code is nativeCode(the error's name). */
    public static final String BROTLI_DECODE_FAILED = "Decompression failed";

    private static final Map<String, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode c : values()) {
            BY_CODE.put(c.name(), c);
        }
    }

    private final JsClass jsClass;
    private final String template;

    ErrorCode(JsClass jsClass, String template) {
        this.jsClass = jsClass;
        this.template = template;
    }

    /** The code string, as Node's {@code err.code}; always the constant's name. */
    public String code() {
        return name();
    }

    public JsClass jsClass() {
        return jsClass;
    }

    /** The template, with {@code %s} for each argument. */
    public String template() {
        return template;
    }

    /** How many arguments the template takes. */
    public int arity() {
        int n = 0;
        for (int i = template.indexOf("%s"); i >= 0; i = template.indexOf("%s", i + 2)) {
            n++;
        }
        return n;
    }

    /** The message for these arguments; the count must match the template's, as Node checks. */
    public String message(Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int from = 0;
        int used = 0;
        for (int i = template.indexOf("%s"); i >= 0; i = template.indexOf("%s", from)) {
            if (used == args.length) {
                throw new IllegalArgumentException(name() + " takes " + arity() + " arguments, got " + args.length);
            }
            out.append(template, from, i).append(args[used++]);
            from = i + 2;
        }
        if (used != args.length) {
            throw new IllegalArgumentException(name() + " takes " + arity() + " arguments, got " + args.length);
        }
        return out.append(template, from, template.length()).toString();
    }

    /** The error for these arguments. */
    public NodeError make(Object... args) {
        return withCause(null, args);
    }

    /** The error for these arguments, caused by {@code cause}. */
    public NodeError withCause(Throwable cause, Object... args) {
        // ABORT_ERR is thrown as its own type, so that callers can catch AbortError.
        return this == ABORT_ERR ? new AbortError(cause) : new NodeError(this, message(args), cause);
    }

    /**
     * The code with a sentence of Eventide's own instead of the template, for checks Node has no
     * wording for (a middleware's options, the scrypt limits); the code stays the contract.
     */
    public NodeError withMessage(String message) {
        return new NodeError(this, message, null);
    }

    /** Whether {@code err} is a NodeError with this code. */
    public boolean is(Throwable err) {
        return err instanceof NodeError n && name().equals(n.code());
    }

    /** The catalogue entry for a code string, or null (system codes such as ENOENT have none). */
    public static ErrorCode of(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /**
     * A code Node builds from a native library's error name, "ERR_" + name, as it does for
     * libbrotli's decoder errors (ERR__ERROR_FORMAT_PADDING_1, with two underscores).
     */
    public static String nativeCode(String libraryName) {
        return "ERR_" + libraryName;
    }
}
