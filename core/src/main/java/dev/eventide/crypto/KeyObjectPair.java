package dev.eventide.crypto;

/** The result of generateKeyPair: Node's { publicKey, privateKey }. Immutable. */
public record KeyObjectPair(KeyObject publicKey, KeyObject privateKey) {}
