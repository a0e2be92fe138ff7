package dev.eventide.stream;

import dev.eventide.errors.Errors;

/**
 * The options of the readable operators (map, filter, forEach, flatMap, some, find, every):
 * Node's {concurrency, highWaterMark}. Node's {@code signal} is not offered. Mutable builder,
 * read once by the operator.
 */
public final class OperatorOptions {
    int concurrency = 1;
    /** Null means Node's default, concurrency - 1. */
    Integer highWaterMark;

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

    /** Node's queue limit: highWaterMark (default concurrency - 1) plus concurrency. */
    int queueLimit() {
        return (highWaterMark == null ? concurrency - 1 : highWaterMark) + concurrency;
    }
}
