package dev.eventide.loop;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what a block prints on System.err. Test thread only (System.err is global). */
public final class Stderr {
    private Stderr() {}

    /** The result of the block and the text it printed on stderr. */
    public record Captured<T>(T value, String text) {}

    /** A block that returns a value and may throw. */
    @FunctionalInterface
    public interface Block<T> {
        T run() throws Exception;
    }

    public static synchronized <T> Captured<T> capture(Block<T> block) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T value = block.run();
            return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setErr(old);
        }
    }
}
