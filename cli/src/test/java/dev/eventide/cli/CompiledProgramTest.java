package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CompiledProgram's web-layer hint, which picks bin/eventide's AOT cache: a class naming a type
 * of dev.eventide.web in its constant pool, anywhere in its bytes and in any class of the
 * program, makes it a web program; the core's packages or a similar name do not.
 */
class CompiledProgramTest {
    private static byte[] classWith(String text) {
        byte[] middle = text.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[middle.length + 8];
        bytes[0] = (byte) 0xCA;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(middle, 0, bytes, 4, middle.length);
        return bytes;
    }

    private static CompiledProgram program(byte[]... classes) {
        Map<String, byte[]> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < classes.length; i++) {
            byName.put("C" + i, classes[i]);
        }
        return new CompiledProgram("C0", byName, List.of());
    }

    @Test
    void aProgramWhoseSecondClassNamesAWebTypeUsesTheWebLayer() {
        var program = program(classWith("dev/eventide/loop/EventLoop"), classWith("Ldev/eventide/web/WebApp;"));

        assertThat(program.usesWebLayer()).isTrue();
    }

    @Test
    void aProgramNamingOnlyCoreTypesOrALookalikeDoesNot() {
        var program = program(classWith("dev/eventide/http/Http"), classWith("dev/eventide/webhooks/Hook"), classWith("dev/eventide/we"));

        assertThat(program.usesWebLayer()).isFalse();
    }

    @Test
    void theNameAtTheVeryEndOfAClassFileIsFound() {
        byte[] name = "dev/eventide/web/".getBytes(StandardCharsets.US_ASCII);

        assertThat(program(name).usesWebLayer()).isTrue();
    }
}
