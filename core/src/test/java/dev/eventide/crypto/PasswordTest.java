package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Password: the PHC format, round trips on the pool, node-made hashes, bad and hostile strings. */
class PasswordTest {
    @Test
    void aBcryptHashWithoutTheCryptoBcModuleSaysWhichModuleIsMissing() {
        // The core alone has no bcrypt; crypto-bc's tests show the same call verifying.
        assertThatThrownBy(() -> Password.verifySync("pw", "$2b$10$" + "a".repeat(53)))
                .isInstanceOf(dev.eventide.errors.NodeError.class)
                .hasMessageContaining("crypto-bc")
                .extracting(e -> ((dev.eventide.errors.NodeError) e).code()).isEqualTo("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM");
    }

    @Test
    void hashesAreSelfDescribingAndSalted() {
        String a = OnLoop.await(() -> Password.hash("correct horse"));
        String b = Password.hashSync("correct horse", 10, 8, 1);
        assertThat(a).matches("\\$scrypt\\$ln=15,r=8,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(b).startsWith("$scrypt$ln=10,r=8,p=1$");
        assertThat(OnLoop.await(() -> Password.verify("correct horse", a))).isTrue();
        assertThat(OnLoop.await(() -> Password.verify("correct horsE", a))).isFalse();
        assertThat(Password.verifySync("correct horse", b)).isTrue();
        assertThat(Password.hashSync("x", 4, 1, 1)).isNotEqualTo(Password.hashSync("x", 4, 1, 1));
    }

    @Test
    void verifiesAHashMadeByNodesScrypt() throws Exception {
        var out = NodeOracle.run("""
                const salt = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
                const dk = crypto.scryptSync('hunter2', salt, 32, {N: 1 << 14, r: 8, p: 1});
                const b64 = (b) => b.toString('base64').replace(/=+$/, '');
                console.log('$scrypt$ln=14,r=8,p=1$' + b64(salt) + '$' + b64(dk));
                """);
        assertThat(Password.verifySync("hunter2", out.get(0))).isTrue();
        assertThat(Password.verifySync("hunter3", out.get(0))).isFalse();
    }

    @Test
    void malformedAndHostileStringsAreRefused() {
        String salt = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
        for (String bad : new String[] {"", "$2b$10$abc", "$scrypt$ln=15,r=8$" + salt, "$scrypt$ln=x,r=8,p=1$" + salt + "$" + hash,
                "$scrypt$ln=15,r=8,p=1$!!$" + hash, "$scrypt$ln=15,r=8,p=1,q=2$" + salt + "$" + hash}) {
            assertThatThrownBy(() -> Password.verifySync("pw", bad)).as(bad).isInstanceOf(dev.eventide.errors.NodeError.class);
        }
        // A planted string asking for 2^30 iterations or 1 GiB per lane must not run.
        assertThatThrownBy(() -> Password.verifySync("pw", "$scrypt$ln=30,r=8,p=1$" + salt + "$" + hash))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> OnLoop.await(() -> Password.verify("pw", "$scrypt$ln=15,r=999,p=1$" + salt + "$" + hash)))
                .hasMessageContaining("out of range");
        // Within each bound but 4 GiB per block (ln=20, r=32), or 16 blocks of 256 MiB: refused too.
        assertThatThrownBy(() -> Password.verifySync("pw", "$scrypt$ln=20,r=32,p=1$" + salt + "$" + hash))
                .hasMessageContaining("too much");
        assertThatThrownBy(() -> Password.verifySync("pw", "$scrypt$ln=18,r=8,p=16$" + salt + "$" + hash))
                .hasMessageContaining("too much");
    }
}
