/**
 * The launcher behind bin/eventide: compiles a source program in memory (or loads a packaged
 * class) and runs its main inside the event loop, as {@code node app.js} does.
 */
module dev.eventide.cli {
    requires dev.eventide;
    // javax.tools for the in-memory compile; com.sun.source.util for its task events.
    requires java.compiler;
    requires jdk.compiler;
}
