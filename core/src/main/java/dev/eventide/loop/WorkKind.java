package dev.eventide.loop;

/**
 * What a piece of worker-pool work is, for the pool's statistics and its choice of lane.
 * Immutable.
 *
 * <p>{@link #DNS} is the one kind that waits on the network rather than on a disk or a CPU, so it
 * runs on the pool's small network lane (see {@link WorkerPool}) and a slow DNS server cannot
 * hold the threads that fs, crypto and zlib need (nodejs/node#8436).
 */
public enum WorkKind {
    /** File system calls. */
    FS,
    /** pbkdf2, scrypt, key generation and other CPU-heavy crypto. */
    CRYPTO,
    /** zlib's asynchronous API. */
    ZLIB,
    /** dns.lookup and getnameinfo: blocking resolver calls that wait on the network. */
    DNS,
    /** Anything queued through {@code EventLoop.queueWork(work, done)} without a kind. */
    USER;

    /** Whether this kind runs on the network lane instead of the main threads. */
    public boolean waitsOnNetwork() {
        return this == DNS;
    }
}
