package dev.eventide.crypto;

import java.util.List;
import java.util.Locale;

/**
 * The block ciphers that createCipheriv knows, under OpenSSL's names (case-insensitive): AES
 * with 128, 192 or 256-bit keys in GCM, CBC or CTR mode. Immutable.
 */
enum CipherSpec {
    AES_128_GCM("aes-128-gcm", 16, Mode.GCM, "id-aes128-gcm"),
    AES_192_GCM("aes-192-gcm", 24, Mode.GCM, "id-aes192-gcm"),
    AES_256_GCM("aes-256-gcm", 32, Mode.GCM, "id-aes256-gcm"),
    AES_128_CBC("aes-128-cbc", 16, Mode.CBC, "aes128"),
    AES_192_CBC("aes-192-cbc", 24, Mode.CBC, "aes192"),
    AES_256_CBC("aes-256-cbc", 32, Mode.CBC, "aes256"),
    AES_128_CTR("aes-128-ctr", 16, Mode.CTR),
    AES_192_CTR("aes-192-ctr", 24, Mode.CTR),
    AES_256_CTR("aes-256-ctr", 32, Mode.CTR);

    enum Mode {
        GCM("AES/GCM/NoPadding"), CBC("AES/CBC/NoPadding"), CTR("AES/CTR/NoPadding");

        final String transformation;

        Mode(String transformation) {
            this.transformation = transformation;
        }
    }

    final String nodeName;
    final int keyLength;
    final Mode mode;
    private final List<String> aliases;

    CipherSpec(String nodeName, int keyLength, Mode mode, String... aliases) {
        this.nodeName = nodeName;
        this.keyLength = keyLength;
        this.mode = mode;
        this.aliases = List.of(aliases);
    }

    static CipherSpec find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (CipherSpec c : values()) {
            if (c.nodeName.equals(key) || c.aliases.contains(key)) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code ivLength} fits: 16 bytes for CBC and CTR, 1 or more for GCM (as OpenSSL). */
    boolean ivFits(int ivLength) {
        return mode == Mode.GCM ? ivLength > 0 : ivLength == 16;
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(c -> c.nodeName).sorted().toList();
    }
}
