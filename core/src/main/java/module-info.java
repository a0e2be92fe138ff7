/**
 * Eventide's core: Node's runtime model for Java. No runtime dependencies beyond the JDK.
 */
module dev.eventide {
    // API
    exports dev.eventide.loop;
    exports dev.eventide.errors;
}
