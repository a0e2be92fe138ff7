/**
 * Eventide's optional Brotli module: Node's createBrotliCompress/createBrotliDecompress streams
 * and brotliCompress/brotliDecompress buffer forms, on the libbrotli that brotli4j ships.
 * Needs {@code --enable-native-access=dev.eventide.brotli,com.aayushatharva.brotli4j} to run
 * without the JDK's native-access warnings.
 */
module dev.eventide.brotli {
    // Transitive: the API takes and returns Bytes, Promise and stream types.
    requires transitive dev.eventide;
    // Loads the platform's libbrotli (the JNI wrappers themselves are not used: see README.md).
    requires com.aayushatharva.brotli4j;

    // API
    exports dev.eventide.brotli;
}
