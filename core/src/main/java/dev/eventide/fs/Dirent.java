package dev.eventide.fs;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Node's fs.Dirent: one directory entry from readdir with {@code withFileTypes}, its name, the
 * directory it is in, and its type (not following symbolic links). Immutable.
 */
public final class Dirent {
    private final String name;
    private final String parentPath;
    private final int type;

    Dirent(String name, String parentPath, BasicFileAttributes attrs) {
        this.name = name;
        this.parentPath = parentPath;
        this.type = attrs.isSymbolicLink() ? Stats.S_IFLNK
                : attrs.isDirectory() ? Stats.S_IFDIR
                : attrs.isRegularFile() ? Stats.S_IFREG : 0;
    }

    public String name() {
        return name;
    }

    /** The directory the entry was read from, as passed to readdir (or joined, when recursive). */
    public String parentPath() {
        return parentPath;
    }

    /** Node 20's deprecated alias of {@link #parentPath()}. */
    public String path() {
        return parentPath;
    }

    public boolean isFile() {
        return type == Stats.S_IFREG;
    }

    public boolean isDirectory() {
        return type == Stats.S_IFDIR;
    }

    public boolean isSymbolicLink() {
        return type == Stats.S_IFLNK;
    }

    /** Devices, FIFOs and sockets: the JDK reports them only as "other". */
    public boolean isOther() {
        return type == 0;
    }

    @Override
    public String toString() {
        return "Dirent { name: '" + name + "', parentPath: '" + parentPath + "' }";
    }
}
