package dev.eventide.fs;

import dev.eventide.errors.Errors;
import java.nio.file.Path;

/** Checks path arguments as Node's getValidatedPath does, and makes JDK paths of them. Stateless. */
final class PathArgs {
    private PathArgs() {
    }

    static String check(String path, String name) {
        if (path == null) {
            throw Errors.invalidArgType(name, "of type string or an instance of Buffer or URL", null);
        }
        if (path.indexOf('\0') >= 0) {
            throw FsErrors.invalidArgValue(name, path, "must be a string, Uint8Array, or URL without null bytes");
        }
        return path;
    }

    static Path of(String path, String name) {
        return Path.of(check(path, name));
    }

    static Path of(String path) {
        return of(path, "path");
    }
}
