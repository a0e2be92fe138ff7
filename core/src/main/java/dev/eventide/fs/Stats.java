package dev.eventide.fs;

import java.nio.file.FileStore;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Node's fs.Stats: the fields of stat(2) and the type tests. Immutable; made on a pool thread
 * from the JDK's {@code unix:*} attributes.
 *
 * <p>The JDK does not report st_blksize and st_blocks: {@link #blksize()} is the file store's
 * block size and {@link #blocks()} the 512-byte blocks that size would take (exact for files
 * that are not sparse).
 */
public final class Stats {
    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    static final int S_IFDIR = 0040000;
    static final int S_IFLNK = 0120000;
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;
    static final int S_IFSOCK = 0140000;

    private final long dev;
    private final long ino;
    private final int mode;
    private final int nlink;
    private final int uid;
    private final int gid;
    private final long rdev;
    private final long size;
    private final long blksize;
    private final long blocks;
    private final double atimeMs;
    private final double mtimeMs;
    private final double ctimeMs;
    private final double birthtimeMs;

    private Stats(Map<String, Object> a, long blksize) {
        this.dev = (Long) a.get("dev");
        this.ino = (Long) a.get("ino");
        this.mode = (Integer) a.get("mode");
        this.nlink = (Integer) a.get("nlink");
        this.uid = (Integer) a.get("uid");
        this.gid = (Integer) a.get("gid");
        this.rdev = (Long) a.get("rdev");
        this.size = (Long) a.get("size");
        this.blksize = blksize;
        this.blocks = (size + blksize - 1) / blksize * (blksize / 512);
        this.atimeMs = ms((FileTime) a.get("lastAccessTime"));
        this.mtimeMs = ms((FileTime) a.get("lastModifiedTime"));
        this.ctimeMs = ms((FileTime) a.get("ctime"));
        FileTime birth = (FileTime) a.get("creationTime");
        this.birthtimeMs = birth == null ? mtimeMs : ms(birth);
    }

    /** stat(2) ({@code follow}) or lstat(2) of a path; throws the JDK's IOException. */
    static Stats of(Path path, boolean follow) throws java.io.IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> a = java.nio.file.Files.readAttributes(path, "unix:*", opts);
        return new Stats(a, blockSize(path));
    }

    private static long blockSize(Path path) {
        try {
            FileStore store = java.nio.file.Files.getFileStore(path);
            long b = store.getBlockSize();
            return b >= 512 ? b : 4096;
        } catch (Exception e) {
            return 4096;
        }
    }

    /** Milliseconds with the nanoseconds as a fraction, as Node's atimeMs. */
    private static double ms(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1e3 + i.getNano() / 1e6;
    }

    public boolean isFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSymbolicLink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    public boolean isCharacterDevice() {
        return (mode & S_IFMT) == S_IFCHR;
    }

    public boolean isBlockDevice() {
        return (mode & S_IFMT) == S_IFBLK;
    }

    public boolean isFIFO() {
        return (mode & S_IFMT) == S_IFIFO;
    }

    public boolean isSocket() {
        return (mode & S_IFMT) == S_IFSOCK;
    }

    public long dev() {
        return dev;
    }

    public long ino() {
        return ino;
    }

    /** The type and permission bits (st_mode), e.g. 33188 = 0o100644 for a regular rw-r--r-- file. */
    public int mode() {
        return mode;
    }

    public int nlink() {
        return nlink;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    public long rdev() {
        return rdev;
    }

    public long size() {
        return size;
    }

    public long blksize() {
        return blksize;
    }

    public long blocks() {
        return blocks;
    }

    public double atimeMs() {
        return atimeMs;
    }

    public double mtimeMs() {
        return mtimeMs;
    }

    public double ctimeMs() {
        return ctimeMs;
    }

    public double birthtimeMs() {
        return birthtimeMs;
    }

    public Instant atime() {
        return instant(atimeMs);
    }

    public Instant mtime() {
        return instant(mtimeMs);
    }

    public Instant ctime() {
        return instant(ctimeMs);
    }

    public Instant birthtime() {
        return instant(birthtimeMs);
    }

    /** Node's Date fields have millisecond precision. */
    private static Instant instant(double ms) {
        return Instant.ofEpochMilli((long) Math.floor(ms));
    }

    @Override
    public String toString() {
        return "Stats {dev: " + dev + ", mode: " + mode + ", nlink: " + nlink + ", uid: " + uid + ", gid: " + gid
                + ", rdev: " + rdev + ", blksize: " + blksize + ", ino: " + ino + ", size: " + size + ", blocks: "
                + blocks + ", atimeMs: " + atimeMs + ", mtimeMs: " + mtimeMs + ", ctimeMs: " + ctimeMs
                + ", birthtimeMs: " + birthtimeMs + "}";
    }
}
