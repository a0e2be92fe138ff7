package dev.eventide.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The in-memory side of a compile: the launched source held as text (so a shebang line can
 * be blanked and the file is read once, for the hash too) and class files kept as bytes
 * instead of written to disk. Used by one compile on the main thread.
 */
final class MemoryFiles extends ForwardingJavaFileManager<StandardJavaFileManager> {

    /** Class files written by the compiler, in the order it wrote them. */
    private final Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();

    MemoryFiles(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className,
                                               JavaFileObject.Kind kind, FileObject sibling) {
        URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
        return new SimpleJavaFileObject(uri, kind) {
            @Override
            public OutputStream openOutputStream() {
                var bytes = new ByteArrayOutputStream();
                outputs.put(className, bytes);
                return bytes;
            }
        };
    }

    Map<String, byte[]> classes() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /**
     * The launched file as javac sees it. Its name is the path as the user typed it, so that
     * diagnostics read like javac's ("hello.java:3: error: ...").
     */
    static final class SourceText extends SimpleJavaFileObject {
        private final String shownName;
        private final String text;

        SourceText(Path file, String shownName, String text) {
            super(javacUri(file), Kind.SOURCE);
            this.shownName = shownName;
            this.text = text;
        }

        @Override
        public String getName() {
            return shownName;
        }

        /**
         * javac names a compact source file's class after the file (from its URI) and refuses a
         * name that is not an identifier; node runs any file name, so a name such as
         * {@code timers-unref.java} is given to javac as {@code timers_unref.java}.
         */
        static java.net.URI javacUri(Path file) {
            Path abs = file.toAbsolutePath();
            String name = abs.getFileName().toString();
            String stem = name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
            String safe = identifier(stem);
            return safe.equals(stem) ? abs.toUri() : abs.resolveSibling(safe + ".java").toUri();
        }

        static String identifier(String stem) {
            StringBuilder b = new StringBuilder(stem.length() + 1);
            for (int i = 0; i < stem.length(); i++) {
                char c = stem.charAt(i);
                b.append(i == 0 ? (Character.isJavaIdentifierStart(c) ? c : Character.isJavaIdentifierPart(c) ? "_" + c : "_")
                        : (Character.isJavaIdentifierPart(c) ? c : '_'));
            }
            String id = b.isEmpty() ? "_main" : b.toString();
            return javax.lang.model.SourceVersion.isKeyword(id) || id.equals("_") ? id + "_" : id;
        }

        /** As in {@code java App.java}, a public class need not be named after the file. */
        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return kind == Kind.SOURCE;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
