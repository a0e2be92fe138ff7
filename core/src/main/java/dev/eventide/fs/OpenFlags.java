package dev.eventide.fs;

import dev.eventide.errors.Errors;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/**
 * Node's open flags ('r', 'w+', 'ax'...) and their numeric O_* form, as the JDK's open options.
 * Immutable.
 *
 * <p>The JDK refuses READ together with APPEND, so 'a+' opens for reading and writing and
 * {@link #append} makes every write go to the end of the file, as O_APPEND does.
 */
record OpenFlags(Set<StandardOpenOption> options, boolean append) {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_SYNC = 04010000;

    /** Node's stringToFlags. */
    static OpenFlags parse(String flags) {
        Errors.requireNonNull(flags, "flags", "of type string");
        int n = switch (flags) {
            case "r" -> O_RDONLY;
            case "rs", "sr" -> O_RDONLY | O_SYNC;
            case "r+" -> O_RDWR;
            case "rs+", "sr+" -> O_RDWR | O_SYNC;
            case "w" -> O_TRUNC | O_CREAT | O_WRONLY;
            case "wx", "xw" -> O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
            case "w+" -> O_TRUNC | O_CREAT | O_RDWR;
            case "wx+", "xw+" -> O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
            case "a" -> O_APPEND | O_CREAT | O_WRONLY;
            case "ax", "xa" -> O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
            case "as", "sa" -> O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
            case "a+" -> O_APPEND | O_CREAT | O_RDWR;
            case "ax+", "xa+" -> O_APPEND | O_CREAT | O_RDWR | O_EXCL;
            case "as+", "sa+" -> O_APPEND | O_CREAT | O_RDWR | O_SYNC;
            default -> throw FsErrors.invalidArgValue("flags", flags, "is invalid");
        };
        return of(n);
    }

    /** The numeric form (fs.constants.O_*). */
    static OpenFlags of(int n) {
        EnumSet<StandardOpenOption> o = EnumSet.noneOf(StandardOpenOption.class);
        int access = n & 3;
        if (access == O_RDONLY || access == O_RDWR) {
            o.add(StandardOpenOption.READ);
        }
        if (access == O_WRONLY || access == O_RDWR) {
            o.add(StandardOpenOption.WRITE);
        }
        boolean append = (n & O_APPEND) != 0;
        if (append && !o.contains(StandardOpenOption.READ)) {
            o.add(StandardOpenOption.APPEND);
        }
        if ((n & O_CREAT) != 0) {
            o.add((n & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if ((n & O_TRUNC) != 0) {
            o.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((n & O_SYNC) == O_SYNC) {
            o.add(StandardOpenOption.SYNC);
        }
        return new OpenFlags(o, append);
    }

    boolean creates() {
        return options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW);
    }

    OpenOption[] array() {
        return options.toArray(new OpenOption[0]);
    }
}
