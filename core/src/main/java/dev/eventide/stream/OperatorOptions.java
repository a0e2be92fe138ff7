package dev.eventide.stream;

import dev.eventide.errors.Errors;
import dev.eventide.events.AbortSignal;

/**
 * The options of the readable operators: Node's {concurrency, highWaterMark, signal}. map,
 * filter, flatMap, forEach, some, find and every read all three; toArray, reduce, drop and take
 * read only the signal, as in Node. Mutable builder, read once by the operator.
 */
public final class OperatorOptions {
    int concurrency = 1;
    /** Null means Node's default, concurrency - 1. */
    Integer highWaterMark;
    /** Null means none, as Node's undefined or null. */
    AbortSignal signal;

    /** How many calls of the function may be pending at once (default 1); results keep their order. */
    public OperatorOptions concurrency(int n) {
        if (n < 1) {
            throw Errors.outOfRange("options.concurrency", ">= 1 && <= 9007199254740991", n);
        }
        concurrency = n;
        return this;
    }

    /** How many finished results may wait for the consumer, on top of the concurrency. */
    public OperatorOptions highWaterMark(int n) {
        if (n < 0) {
            throw Errors.outOfRange("options.highWaterMark", ">= 0 && <= 9007199254740991", n);
        }
        highWaterMark = n;
        return this;
    }

    /**
     * Node's {@code signal}: when it has aborted, the operator stops at the next chunk with an
     * AbortError (see StreamOperators). Null means no signal.
     */
    public OperatorOptions signal(AbortSignal s) {
        signal = s;
        return this;
    }

    /** The signal of {@code options}, which may be null, or null. */
    static AbortSignal signalOf(OperatorOptions options) {
        return options == null ? null : options.signal;
    }

    /** Node's queue limit: highWaterMark (default concurrency - 1) plus concurrency. */
    int queueLimit() {
        return (highWaterMark == null ? concurrency - 1 : highWaterMark) + concurrency;
    }
}
