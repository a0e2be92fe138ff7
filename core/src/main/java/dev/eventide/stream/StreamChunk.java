package dev.eventide.stream;

/**
 * One buffered write as {@code _writev} receives it. Immutable.
 *
 * @param chunk    a {@code Bytes}, a String (when decodeStrings is off) or any object in object mode
 * @param encoding "buffer" for bytes, else the string's encoding
 */
public record StreamChunk(Object chunk, String encoding) {
}
