package dev.eventide.net;

import dev.eventide.errors.NodeError;

/** The net package's own Node error codes and messages. Stateless. */
final class NetErrors {
    private NetErrors() {}

    static NodeError serverNotRunning() {
        return new NodeError("ERR_SERVER_NOT_RUNNING", "Server is not running.");
    }

    static NodeError serverAlreadyListen() {
        return new NodeError("ERR_SERVER_ALREADY_LISTEN",
                "Listen method has been called more than once without closing.");
    }

    static NodeError socketClosed() {
        return new NodeError("ERR_SOCKET_CLOSED", "Socket is closed");
    }

    static NodeError closedBeforeConnection() {
        return new NodeError("ERR_SOCKET_CLOSED_BEFORE_CONNECTION", "Socket closed before the connection was established");
    }

    /** Node's validatePort: "Port should be >= 0 and < 65536. Received type number (70000)." */
    static NodeError badPort(String name, int port) {
        return new NodeError("ERR_SOCKET_BAD_PORT",
                name + " should be >= 0 and < 65536. Received type number (" + port + ").");
    }

    static NodeError missingArgs() {
        return new NodeError("ERR_MISSING_ARGS", "The \"options\" or \"port\" or \"path\" argument must be specified");
    }

    static NodeError invalidIp(String name, String value) {
        return new NodeError("ERR_INVALID_IP_ADDRESS", "Invalid IP address: " + value);
    }

    /** The EPIPE a write gets after the peer ended a socket that does not allow half-open. */
    static NodeError endedByOtherParty() {
        return new NodeError("EPIPE", "This socket has been ended by the other party");
    }

    /** A lookup answered an address whose family is neither 4 nor 6. */
    static NodeError invalidAddressFamily(int family, String host, Integer port) {
        return new NodeError("ERR_INVALID_ADDRESS_FAMILY", "Invalid address family: " + family + " " + host + ":" + port);
    }

    /** Every attempt of an autoSelectFamily connect ended without an error to report. */
    static NodeError connectionTimeout() {
        return new NodeError("ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout");
    }

    /** Node's validateBoolean for net's setters and options. */
    static NodeError notBoolean(String name) {
        return dev.eventide.errors.Errors.invalidArgType(name, "of type boolean", null);
    }

    /** Node's validateInt32(value, name, 1): "It must be >= 1 && <= 2147483647. Received 0". */
    static int atLeastOne(long value, String name) {
        return (int) dev.eventide.errors.Errors.requireRange(value, name, 1, Integer.MAX_VALUE);
    }

    /** The errors of every failed attempt of one connect (Node's NodeAggregateError). */
    static NetAggregateError aggregate(java.util.List<Throwable> errors) {
        return new NetAggregateError(errors);
    }
}
