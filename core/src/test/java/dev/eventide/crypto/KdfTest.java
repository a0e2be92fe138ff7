package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pbkdf2 and scrypt: RFC vectors, node's outputs, Node's parameter checks, the pool forms. */
class KdfTest {
    private static String code(Throwable e) {
        return ((NodeError) e).code();
    }

    @Test
    void pbkdf2MatchesRfc6070() {
        assertThat(Crypto.pbkdf2Sync("password", "salt", 1, 20, "sha1").toString("hex"))
                .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(Crypto.pbkdf2Sync("password", "salt", 4096, 20, "sha1").toString("hex"))
                .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        assertThat(Crypto.pbkdf2Sync("pass\0word", "sa\0lt", 4096, 16, "sha1").toString("hex"))
                .isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
    }

    @Test
    void scryptMatchesRfc7914() {
        assertThat(Crypto.scryptSync("", "", 64, new ScryptOptions().N(16).r(1).p(1)).toString("hex")).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(Crypto.scryptSync("password", "NaCl", 64, new ScryptOptions().N(1024).r(8).p(16)).toString("hex"))
                .isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        assertThat(Crypto.scryptSync("pleaseletmein", "SodiumChloride", 64, new ScryptOptions().N(16384).r(8).p(1))
                .toString("hex")).isEqualTo("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    @Test
    void salsa208CoreMatchesRfc7914Section8() {
        byte[] in = java.util.HexFormat.of().parseHex(
                "7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1dee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e");
        int[] words = new int[16];
        java.nio.ByteBuffer.wrap(in).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(words);
        Scrypt.salsa8(words);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.asIntBuffer().put(words);
        assertThat(java.util.HexFormat.of().formatHex(out.array())).isEqualTo(
                "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81");
    }

    @Test
    void pbkdf2AndScryptMatchNodeForManyShapes() throws Exception {
        List<String> ours = new ArrayList<>();
        StringBuilder js = new StringBuilder();
        String[] digests = {"sha1", "sha256", "sha512", "md5", "sha3-256", "sha384"};
        int[] lengths = {0, 1, 20, 32, 65, 100};
        for (int i = 0; i < digests.length; i++) {
            ours.add(Crypto.pbkdf2Sync("pw" + i, Bytes.from("00ff10", "hex"), 1000 + i, lengths[i], digests[i]).toString("hex"));
            js.append("console.log(crypto.pbkdf2Sync('pw").append(i).append("', Buffer.from('00ff10','hex'), ")
              .append(1000 + i).append(", ").append(lengths[i]).append(", '").append(digests[i]).append("').toString('hex'));\n");
        }
        int[][] params = {{2, 1, 1}, {16, 1, 1}, {1024, 2, 3}, {256, 8, 2}};
        for (int[] p : params) {
            ours.add(Crypto.scryptSync("secret", "salt", 33, new ScryptOptions().cost(p[0]).blockSize(p[1]).parallelization(p[2]))
                    .toString("base64"));
            js.append("console.log(crypto.scryptSync('secret', 'salt', 33, {cost:").append(p[0]).append(", blockSize:")
              .append(p[1]).append(", parallelization:").append(p[2]).append("}).toString('base64'));\n");
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
    }

    @Test
    void pbkdf2ChecksArgumentsAsNode() {
        assertThatThrownBy(() -> Crypto.pbkdf2Sync("p", "s", 0, 32, "sha256"))
                .hasMessage("The value of \"iterations\" is out of range. It must be >= 1 && <= 2147483647. Received 0");
        assertThatThrownBy(() -> Crypto.pbkdf2Sync("p", "s", 1, 32, "nope"))
                .hasMessage("Invalid digest: nope").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_DIGEST"));
        assertThatThrownBy(() -> Crypto.pbkdf2Sync("p", "s", 1, -1, "sha256"))
                .hasMessage("The value of \"keylen\" is out of range. It must be >= 0 && <= 2147483647. Received -1");
        assertThatThrownBy(() -> Crypto.pbkdf2Sync(42, "s", 1, 1, "sha256")).satisfies(e -> assertThat(code(e))
                .isEqualTo("ERR_INVALID_ARG_TYPE"));
    }

    @Test
    void scryptChecksParametersAsNodeAndOpenSsl() {
        String plain = "Invalid scrypt params";
        String memory = "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded";
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(3))).hasMessage(plain)
                .satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_SCRYPT_PARAMS"));
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(1))).hasMessage(plain);
        // 128 * r * (N + 2) + 128 * r * p = 16,779,264 > 16 MiB.
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().maxmem(16 << 20))).hasMessage(memory);
        // N must stay below 2^(16 r).
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(65536).r(1))).hasMessage(memory);
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(1 << 20))).hasMessage(memory);
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().p(1 << 30))).hasMessage(memory);
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(16).cost(16)))
                .hasMessage("Invalid scrypt parameter")
                .satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_SCRYPT_INVALID_PARAMETER"));
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(1L << 32)))
                .hasMessage("The value of \"N\" is out of range. It must be >= 0 && <= 4294967295. Received 4294967296");
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", 16, new ScryptOptions().maxmem(-1)))
                .hasMessage("The value of \"maxmem\" is out of range. It must be >= 0 && <= 9007199254740991. Received -1");
        assertThatThrownBy(() -> Crypto.scryptSync("p", "s", -1)).satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OUT_OF_RANGE"));
    }

    @Test
    void zeroMeansTheDefaultAsInNode() {
        Bytes defaults = Crypto.scryptSync("p", "s", 16);
        assertThat(Crypto.scryptSync("p", "s", 16, new ScryptOptions().N(0).r(0).p(0).maxmem(0))).isEqualTo(defaults);
        assertThat(defaults.toString("hex")).isEqualTo("4329787752e75d1de359a05806e492d4");
    }

    @Test
    void promiseFormsRunOnThePoolAndRejectBadArguments() {
        Bytes key = OnLoop.await(() -> Crypto.pbkdf2("password", "salt", 2, 20, "sha1"));
        assertThat(key.toString("hex")).isEqualTo("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
        Bytes s = OnLoop.await(() -> Crypto.scrypt("", "", 64, new ScryptOptions().N(16).r(1).p(1)));
        assertThat(s.toString("hex")).startsWith("77d6576238657b20");
        assertThatThrownBy(() -> OnLoop.await(() -> Crypto.pbkdf2("p", "s", 1, 1, "nope")))
                .hasMessage("Invalid digest: nope");
        assertThatThrownBy(() -> OnLoop.await(() -> Crypto.scrypt("p", "s", 1, new ScryptOptions().N(5))))
                .hasMessage("Invalid scrypt params");
        String[] thread = new String[1];
        OnLoop.run(() -> Crypto.pbkdf2("p", "s", 1, 1, "sha1").then(v -> thread[0] = Thread.currentThread().getName()));
        assertThat(thread[0]).doesNotStartWith("eventide-pool");
    }
}
