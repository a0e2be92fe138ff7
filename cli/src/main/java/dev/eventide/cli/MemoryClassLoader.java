package dev.eventide.cli;

import java.util.Map;

/**
 * Defines a compiled source program's classes from memory, in one unnamed module that reads
 * Eventide through the parent (application) loader. Classes are defined lazily, when the
 * program first uses them; used by the loop thread and any thread the program starts.
 */
final class MemoryClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Class-file bytes by binary name; never changes after construction. */
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("eventide-program", parent);
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
