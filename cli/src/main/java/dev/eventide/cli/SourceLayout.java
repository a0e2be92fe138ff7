package dev.eventide.cli;

import java.nio.file.Path;

/**
 * Where a launched source file's package tree starts (JEP 458) and how its shebang line is
 * hidden from javac. Reads only the head of the text, without a full parse; any thread.
 */
final class SourceLayout {
    private SourceLayout() {}

    /**
     * The folder that holds the root of the file's package tree: its own folder for the
     * unnamed package, {@code a/b/..} for {@code package a.b;} when the folders match. Null
     * when they do not, and then only the file itself is compiled (JEP 330's single file).
     */
    static Path packageRoot(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        String pkg = packageName(text);
        if (pkg.isEmpty()) {
            return dir;
        }
        Path root = dir;
        String[] parts = pkg.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (root == null || root.getFileName() == null || !root.getFileName().toString().equals(parts[i])) {
                return null;
            }
            root = root.getParent();
        }
        return root;
    }

    /** The name in the file's package declaration, "" if it has none. */
    static String packageName(String text) {
        int i = skipBlanks(text, 0);
        if (!text.startsWith("package", i) || i + 7 >= text.length()
                || Character.isJavaIdentifierPart(text.charAt(i + 7))) {
            return "";
        }
        var name = new StringBuilder();
        for (i = skipBlanks(text, i + 7); i < text.length() && text.charAt(i) != ';'; i = skipBlanks(text, i + 1)) {
            name.append(text.charAt(i));
        }
        return name.toString();
    }

    /** Skips white space and comments (and a shebang line at the very start). */
    private static int skipBlanks(String text, int i) {
        if (i == 0 && text.startsWith("#!")) {
            i = lineEnd(text, 0);
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("//", i)) {
                i = lineEnd(text, i);
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static int lineEnd(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end;
    }

    /** Replaces a leading "#!" line by an empty one, keeping line numbers right. */
    static String blankShebang(String text) {
        return text.startsWith("#!") ? text.substring(lineEnd(text, 0)) : text;
    }
}
