package dev.eventide.fs;

import dev.eventide.errors.ErrorCode;
import dev.eventide.errors.SystemError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls that walk trees: readdir (recursive), mkdir -p, mkdtemp, rm -r and cp -r. Runs on a
 * pool thread or on the caller's thread (*Sync).
 *
 * <p>Entries come in byte order of their names (libuv's scandir sorts). Recursive readdir is
 * breadth-first, as Node's: a directory's entries, then the entries of each of its
 * subdirectories in the order they were listed.
 */
final class FsTree {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMP_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private FsTree() {
    }

    /** readdir; names are relative to {@code path} ("sub/file" when recursive). */
    static List<String> readdir(String path, boolean recursive) {
        List<String> names = new ArrayList<>();
        for (Dirent d : readdirEntries(path, recursive)) {
            names.add(d.parentPath().equals(path) ? d.name() : d.parentPath().substring(path.length() + 1) + "/" + d.name());
        }
        return names;
    }

    /** readdir with withFileTypes: the entries' types do not follow symbolic links. */
    static List<Dirent> readdirEntries(String path, boolean recursive) {
        PathArgs.check(path, "path");
        List<Dirent> out = new ArrayList<>();
        ArrayDeque<String> dirs = new ArrayDeque<>();
        dirs.add(path);
        while (!dirs.isEmpty()) {
            String dir = dirs.poll();
            for (Dirent d : list(dir)) {
                out.add(d);
                if (recursive && d.isDirectory()) {
                    dirs.add(dir + "/" + d.name());
                }
            }
        }
        return out;
    }

    private static List<Dirent> list(String dir) {
        return FsOps.io("scandir", dir, null, () -> {
            List<Dirent> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = java.nio.file.Files.newDirectoryStream(Path.of(dir))) {
                for (Path child : stream) {
                    BasicFileAttributes a = java.nio.file.Files.readAttributes(child, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    entries.add(new Dirent(child.getFileName().toString(), dir, a));
                }
            }
            // libuv's scandir sorts entries with strcmp, so Node lists them in byte order.
            entries.sort((x, y) -> java.util.Arrays.compareUnsigned(utf8(x.name()), utf8(y.name())));
            return entries;
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** mkdir -p: returns the first directory made, absolute, or null when none was needed (as Node). */
    static String mkdirp(String path, int mode) {
        Path target = PathArgs.of(path).toAbsolutePath().normalize();
        Path first = null;
        for (Path p = target; p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p, LinkOption.NOFOLLOW_LINKS) || java.nio.file.Files.isDirectory(p)) {
                if (!java.nio.file.Files.isDirectory(p)) {
                    throw FsErrors.uv(p.equals(target) ? FsErrno.EEXIST : FsErrno.ENOTDIR, "mkdir", path, null);
                }
                break;
            }
            first = p;
        }
        if (first == null) {
            return null;
        }
        List<Path> todo = new ArrayList<>();
        for (Path p = target; !p.equals(first.getParent()); p = p.getParent()) {
            todo.addFirst(p);
        }
        for (Path p : todo) {
            try {
                FsOps.mkdir(p.toString(), mode);
            } catch (SystemError e) {
                if (!e.code().equals("EEXIST") || !java.nio.file.Files.isDirectory(p)) {
                    throw FsErrors.uv(FsErrno.valueOf(e.code()), "mkdir", path, null);
                }
            }
        }
        return first.toString();
    }

    /** mkdtemp: {@code prefix} and six random characters, made with mode 0700. */
    static String mkdtemp(String prefix) {
        PathArgs.check(prefix, "prefix");
        for (int attempt = 0; ; attempt++) {
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < 6; i++) {
                name.append(TEMP_CHARS.charAt(RANDOM.nextInt(TEMP_CHARS.length())));
            }
            try {
                FsOps.mkdir(name.toString(), 0700);
                return name.toString();
            } catch (SystemError e) {
                if (!e.code().equals("EEXIST") || attempt > 100) {
                    throw FsErrors.uv(FsErrno.valueOf(e.code()), "mkdtemp", prefix + "XXXXXX", null);
                }
            }
        }
    }

    /** rm: files and links are unlinked; directories need {@code recursive}; {@code force} ignores ENOENT. */
    static Void rm(String path, boolean recursive, boolean force) {
        Path p = PathArgs.of(path);
        BasicFileAttributes a;
        try {
            a = java.nio.file.Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            RuntimeException err = FsErrors.map(e, "lstat", path, null);
            if (force && err instanceof SystemError s && s.code().equals("ENOENT")) {
                return null;
            }
            throw err;
        }
        if (a.isDirectory() && !recursive) {
            throw FsErrors.fsEisdir("rm", path, "is a directory");
        }
        if (a.isDirectory()) {
            removeTree(p);
        } else {
            FsOps.io("unlink", path, null, () -> {
                java.nio.file.Files.delete(p);
                return null;
            });
        }
        return null;
    }

    private static void removeTree(Path dir) {
        for (Dirent d : list(dir.toString())) {
            Path child = dir.resolve(d.name());
            if (d.isDirectory()) {
                removeTree(child);
            } else {
                FsOps.io("unlink", child.toString(), null, () -> {
                    java.nio.file.Files.delete(child);
                    return null;
                });
            }
        }
        FsOps.io("rmdir", dir.toString(), null, () -> {
            java.nio.file.Files.delete(dir);
            return null;
        });
    }

    /** cp: files are copied over existing ones (force), links are copied as links, directories need recursive. */
    static Void cp(String src, String dest, boolean recursive) {
        Path from = PathArgs.of(src, "src");
        Path to = PathArgs.of(dest, "dest");
        BasicFileAttributes a = FsOps.io("lstat", src, null, () -> java.nio.file.Files.readAttributes(from,
                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        if (a.isDirectory()) {
            if (!recursive) {
                throw FsErrors.fsEisdir("cp", src, src + " is a directory (not copied)");
            }
            Path absFrom = from.toAbsolutePath().normalize();
            if (to.toAbsolutePath().normalize().startsWith(absFrom)) {
                throw ErrorCode.ERR_FS_CP_EINVAL.make(src, dest, src);
            }
            copyTree(from, to);
        } else {
            copyOne(from, to);
        }
        return null;
    }

    private static void copyTree(Path from, Path to) {
        if (!java.nio.file.Files.isDirectory(to)) {
            FsOps.mkdir(to.toString(), 0777);
        }
        for (Dirent d : list(from.toString())) {
            if (d.isDirectory()) {
                copyTree(from.resolve(d.name()), to.resolve(d.name()));
            } else {
                copyOne(from.resolve(d.name()), to.resolve(d.name()));
            }
        }
    }

    private static void copyOne(Path from, Path to) {
        FsOps.io("copyfile", from.toString(), to.toString(), () -> {
            java.nio.file.Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            return null;
        });
    }
}
