/**
 * Eventide's core: Node's runtime model for Java. No runtime dependencies beyond the JDK.
 */
module dev.eventide {
    // JDK modules only (no third-party dependencies): memory, GC and heap-dump diagnostics.
    requires java.management;
    requires jdk.management;
    // sun.misc.Signal: process.on('SIGTERM') and the other signal events.
    requires jdk.unsupported;

    // API
    exports dev.eventide.buffer;
    exports dev.eventide.crypto;
    exports dev.eventide.diagnostics;
    exports dev.eventide.dns;
    exports dev.eventide.errors;
    exports dev.eventide.events;
    exports dev.eventide.fs;
    exports dev.eventide.http;
    exports dev.eventide.loop;
    exports dev.eventide.net;
    exports dev.eventide.process;
    exports dev.eventide.promise;
    exports dev.eventide.stream;
    exports dev.eventide.zlib;

    // SPI: the process object receives the loop's uncaught errors, rejections and exit events.
    uses dev.eventide.loop.LoopHooks.Provider;
    // Password.verify hands hashes in other formats (bcrypt) to an optional module's scheme.
    uses dev.eventide.crypto.PasswordScheme;
    provides dev.eventide.loop.LoopHooks.Provider with dev.eventide.process.ProcessObject.Provider;
}
