package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.stream.ReadableStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cipheriv/Decipheriv: round trips, node's ciphertexts, tags, padding, encodings, Node's errors. */
class CipherTest {
    private static final Bytes KEY16 = Bytes.from("000102030405060708090a0b0c0d0e0f", "hex");
    private static final Bytes KEY32 = Bytes.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
    private static final Bytes IV12 = Bytes.from("cafebabefacedbaddecaf888", "hex");
    private static final Bytes IV16 = Bytes.from("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "hex");

    private static String code(Throwable e) {
        return ((NodeError) e).code();
    }

    @Test
    void gcmAndCbcOutputsAreByteIdenticalWithNode() throws Exception {
        List<String> ours = OnLoop.get(() -> {
            List<String> out = new ArrayList<>();
            Cipheriv g = Crypto.createCipheriv("aes-256-gcm", KEY32, IV12);
            g.setAAD(Bytes.from("header"));
            out.add(g.update("attack at dawn, ", "utf8", "hex") + g.update("twice", "utf8", "hex") + g.doFinal("hex"));
            out.add(g.getAuthTag().toString("hex"));
            Cipheriv c = Crypto.createCipheriv("aes-128-cbc", KEY16, IV16);
            out.add(c.update("héllo wörld, a longer message than one block", "utf8", "base64") + c.doFinal("base64"));
            Cipheriv n = Crypto.createCipheriv("aes-128-cbc", KEY16, IV16).setAutoPadding(false);
            out.add(Bytes.concat(n.update(Bytes.alloc(32, 7)), n.doFinal()).toString("hex"));
            Cipheriv t = Crypto.createCipheriv("aes-128-gcm", KEY16, Bytes.from("abc"), 8);
            out.add(Bytes.concat(t.update(Bytes.from("short iv")), t.doFinal()).toString("hex") + ":" + t.getAuthTag().toString("hex"));
            return out;
        });
        List<String> node = NodeOracle.run("""
                const k16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
                const k32 = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
                const iv12 = Buffer.from('cafebabefacedbaddecaf888', 'hex');
                const iv16 = Buffer.from('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex');
                const g = crypto.createCipheriv('aes-256-gcm', k32, iv12); g.setAAD(Buffer.from('header'));
                console.log(g.update('attack at dawn, ', 'utf8', 'hex') + g.update('twice', 'utf8', 'hex') + g.final('hex'));
                console.log(g.getAuthTag().toString('hex'));
                const c = crypto.createCipheriv('aes-128-cbc', k16, iv16);
                console.log(c.update('héllo wörld, a longer message than one block', 'utf8', 'base64') + c.final('base64'));
                const n = crypto.createCipheriv('aes-128-cbc', k16, iv16); n.setAutoPadding(false);
                console.log(Buffer.concat([n.update(Buffer.alloc(32, 7)), n.final()]).toString('hex'));
                const t = crypto.createCipheriv('aes-128-gcm', k16, Buffer.from('abc'), {authTagLength: 8});
                console.log(Buffer.concat([t.update(Buffer.from('short iv')), t.final()]).toString('hex') + ':' + t.getAuthTag().toString('hex'));
                """);
        assertThat(ours).isEqualTo(node);
    }

    @Test
    void decipherReadsWhatNodeEncrypted() throws Exception {
        List<String> node = NodeOracle.run("""
                const k = Buffer.alloc(32, 9), iv = Buffer.alloc(12, 3);
                const g = crypto.createCipheriv('aes-256-gcm', k, iv); g.setAAD(Buffer.from('aad'));
                console.log(Buffer.concat([g.update('from node, with love'), g.final()]).toString('hex'));
                console.log(g.getAuthTag().toString('hex'));
                const c = crypto.createCipheriv('aes-256-cbc', k, Buffer.alloc(16, 1));
                console.log(c.update('sixteen byte msg', 'utf8', 'hex') + c.final('hex'));
                """);
        OnLoop.run(() -> {
            Decipheriv d = Crypto.createDecipheriv("aes-256-gcm", Bytes.alloc(32, 9), Bytes.alloc(12, 3));
            d.setAAD(Bytes.from("aad"));
            d.setAuthTag(Bytes.from(node.get(1), "hex"));
            assertThat(d.update(node.get(0), "hex", "utf8") + d.doFinal("utf8")).isEqualTo("from node, with love");
            Decipheriv c = Crypto.createDecipheriv("aes-256-cbc", Bytes.alloc(32, 9), Bytes.alloc(16, 1));
            assertThat(c.update(node.get(2), "hex", "utf8") + c.doFinal("utf8")).isEqualTo("sixteen byte msg");
        });
    }

    @Test
    void aWrongTagFailsOnFinalWithNodesMessage() {
        OnLoop.run(() -> {
            Cipheriv e = Crypto.createCipheriv("aes-128-gcm", KEY16, IV12);
            Bytes ct = Bytes.concat(e.update(Bytes.from("secret")), e.doFinal());
            Bytes tag = e.getAuthTag();
            tag.set(0, tag.get(0) ^ 1);
            Decipheriv d = Crypto.createDecipheriv("aes-128-gcm", KEY16, IV12);
            d.setAuthTag(tag);
            d.update(ct);
            assertThatThrownBy(d::doFinal).hasMessage("Unsupported state or unable to authenticate data");
            Decipheriv noTag = Crypto.createDecipheriv("aes-128-gcm", KEY16, IV12);
            noTag.update(ct);
            assertThatThrownBy(noTag::doFinal).hasMessage("Unsupported state or unable to authenticate data");
        });
    }

    @Test
    void cbcPaddingErrorsAreOpenSslsErrors() {
        OnLoop.run(() -> {
            Decipheriv shortInput = Crypto.createDecipheriv("aes-128-cbc", KEY16, IV16);
            shortInput.update(Bytes.alloc(5));
            assertThatThrownBy(shortInput::doFinal).satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"));
            Decipheriv badPad = Crypto.createDecipheriv("aes-128-cbc", KEY16, IV16);
            badPad.update(Bytes.alloc(16));
            assertThatThrownBy(badPad::doFinal).hasMessage("error:1C800064:Provider routines::bad decrypt");
            Decipheriv empty = Crypto.createDecipheriv("aes-128-cbc", KEY16, IV16);
            assertThatThrownBy(empty::doFinal).satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"));
            Cipheriv unpadded = Crypto.createCipheriv("aes-128-cbc", KEY16, IV16);
            unpadded.setAutoPadding(false);
            unpadded.update(Bytes.alloc(5));
            assertThatThrownBy(unpadded::doFinal).satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"));
        });
    }

    @Test
    void badKeysIvsNamesAndTagsGetNodesErrors() {
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-128-gcm", Bytes.alloc(15), IV12))
                .hasMessage("Invalid key length").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_KEYLEN"));
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-128-cbc", KEY16, Bytes.alloc(15)))
                .hasMessage("Invalid initialization vector").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_IV"));
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-128-gcm", KEY16, Bytes.alloc(0))).hasMessage("Invalid initialization vector");
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-128-cbc", KEY16, null)).hasMessage("Invalid initialization vector");
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-999-cbc", KEY16, IV16))
                .hasMessage("Unknown cipher").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_UNKNOWN_CIPHER"));
        assertThatThrownBy(() -> Crypto.createCipheriv("aes-128-gcm", KEY16, IV12, 3))
                .hasMessage("Invalid authentication tag length: 3");
        OnLoop.run(() -> {
            Decipheriv d = Crypto.createDecipheriv("aes-256-gcm", KEY32, IV12, 12);
            assertThatThrownBy(() -> d.setAuthTag(Bytes.alloc(16))).hasMessage("Invalid authentication tag length: 16");
            d.setAuthTag(Bytes.alloc(12));
            assertThatThrownBy(() -> d.setAuthTag(Bytes.alloc(12))).hasMessage("Invalid state for operation setAuthTag");
        });
    }

    @Test
    void stateErrorsFollowNode() {
        OnLoop.run(() -> {
            Cipheriv c = Crypto.createCipheriv("AES-128-GCM", KEY16, IV12);
            assertThatThrownBy(c::getAuthTag).hasMessage("Invalid state for operation getAuthTag");
            c.update(Bytes.from("x"));
            assertThatThrownBy(() -> c.setAAD(Bytes.alloc(3))).hasMessage("Invalid state for operation setAAD");
            c.doFinal();
            assertThatThrownBy(c::doFinal).hasMessage("Invalid state").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_STATE"));
            assertThatThrownBy(() -> c.update(Bytes.from("x"))).hasMessage("Trying to add data in unsupported state");
            assertThatThrownBy(() -> c.setAutoPadding(false)).hasMessage("Invalid state for operation setAutoPadding");
        });
    }

    @Test
    void roundTripsEveryModeAndSizeIncludingTheStreamFace() {
        OnLoop.run(() -> {
            for (String alg : Crypto.getCiphers()) {
                int keyLen = alg.contains("128") ? 16 : alg.contains("192") ? 24 : 32;
                Bytes iv = alg.endsWith("gcm") ? IV12 : IV16;
                for (int size : new int[] {0, 1, 15, 16, 17, 1000}) {
                    Bytes plain = Crypto.randomBytes(size);
                    Cipheriv e = Crypto.createCipheriv(alg, Bytes.alloc(keyLen, 5), iv);
                    Bytes ct = Bytes.concat(e.update(plain), e.doFinal());
                    Decipheriv d = Crypto.createDecipheriv(alg, Bytes.alloc(keyLen, 5), iv);
                    if (alg.endsWith("gcm")) {
                        d.setAuthTag(e.getAuthTag());
                    }
                    assertThat(Bytes.concat(d.update(ct), d.doFinal())).as(alg + " " + size).isEqualTo(plain);
                }
            }
        });
        List<Bytes> out = new ArrayList<>();
        OnLoop.run(() -> {
            Cipheriv e = Crypto.createCipheriv("aes-128-cbc", KEY16, IV16);
            e.on("data", args -> out.add((Bytes) args[0]));
            ReadableStream.from(List.of("one ", "two ", "three")).pipe(e);
        });
        OnLoop.run(() -> {
            Decipheriv d = Crypto.createDecipheriv("aes-128-cbc", KEY16, IV16);
            assertThat(Bytes.concat(d.update(Bytes.concat(out)), d.doFinal()).toString()).isEqualTo("one two three");
        });
    }

    @Test
    void updateWithAStringAloneReadsItAsUtf8AsNodeDoes() throws Exception {
        List<Bytes> both = OnLoop.get(() -> {
            var a = Crypto.createCipheriv("aes-128-cbc", KEY16, Bytes.from("00112233445566778899aabbccddeeff", "hex"));
            var b = Crypto.createCipheriv("aes-128-cbc", KEY16, Bytes.from("00112233445566778899aabbccddeeff", "hex"));
            return List.of(Bytes.concat(a.update("héllo wörld"), a.doFinal()),
                    Bytes.concat(b.update("héllo wörld", "utf8"), b.doFinal()));
        });
        assertThat(both.get(0)).isEqualTo(both.get(1));
        assertThat(both.get(0).length()).isEqualTo(16);
    }
}
