package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import dev.eventide.stream.ReadableStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hash and Hmac: algorithms and aliases, encodings, finalization errors, the stream face, node's output. */
class HashTest {
    private static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
            "sha512-256", "sha3-256", "sha3-512");

    private static <T> T onLoop(java.util.concurrent.Callable<T> body) {
        return OnLoop.get(body);
    }

    @Test
    void sha256OfAbcIsTheFipsVector() {
        String hex = onLoop(() -> Crypto.createHash("sha256").update("abc").digest("hex"));
        assertThat(hex).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aliasesAndCaseMapToTheSameDigest() {
        for (String name : List.of("SHA256", "sha-256", "SHA2-256", "RSA-SHA256", "sha256WithRSAEncryption")) {
            assertThat(Crypto.hash(name, "abc")).as(name).isEqualTo(Crypto.hash("sha256", "abc"));
        }
        assertThat(Crypto.hash("RSA-MD5", "")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void unknownAlgorithmIsNodesDigestMethodNotSupported() {
        OnLoop.run(() -> assertThatThrownBy(() -> Crypto.createHash("nope"))
                .isInstanceOf(NodeError.class).hasMessage("Digest method not supported"));
        assertThatThrownBy(() -> Crypto.createHmac("nope", "k"))
                .hasMessage("Invalid digest: nope").extracting(e -> ((NodeError) e).code())
                .isEqualTo("ERR_CRYPTO_INVALID_DIGEST");
    }

    @Test
    void secondDigestAndUpdateAfterDigestAreHashFinalized() {
        OnLoop.run(() -> {
            Hash h = Crypto.createHash("sha1");
            h.digest();
            assertThatThrownBy(h::digest).extracting(e -> ((NodeError) e).code()).isEqualTo("ERR_CRYPTO_HASH_FINALIZED");
            assertThatThrownBy(() -> h.update("x")).hasMessage("Digest already called");
            Hmac m = Crypto.createHmac("sha256", "k");
            m.digest();
            assertThat(m.digest("hex")).isEmpty();
            assertThatThrownBy(() -> m.update("x")).extracting(e -> ((NodeError) e).code())
                    .isEqualTo("ERR_CRYPTO_HASH_FINALIZED");
        });
    }

    @Test
    void digestEncodingsAgreeWithEachOther() {
        OnLoop.run(() -> {
            Bytes raw = Crypto.createHash("sha512").update("hello").digest();
            assertThat(Crypto.createHash("sha512").update("hello").digest("base64")).isEqualTo(raw.toString("base64"));
            assertThat(Crypto.createHash("sha512").update("hello").digest("base64url")).isEqualTo(raw.toString("base64url"));
            assertThat(Crypto.createHash("sha512").update("hello").digest("latin1")).isEqualTo(raw.toString("latin1"));
            assertThat(raw.length()).isEqualTo(64);
        });
    }

    @Test
    void copyContinuesIndependently() {
        OnLoop.run(() -> {
            Hash a = Crypto.createHash("sha256").update("ab");
            Hash b = a.copy();
            a.update("c");
            assertThat(a.digest("hex")).isEqualTo(Crypto.hash("sha256", "abc"));
            assertThat(b.digest("hex")).isEqualTo(Crypto.hash("sha256", "ab"));
        });
    }

    @Test
    void asATransformStreamTheDigestIsTheOnlyChunk() {
        List<Object> chunks = new ArrayList<>();
        OnLoop.run(() -> {
            Hash h = Crypto.createHash("sha256");
            h.on("data", args -> chunks.add(args[0]));
            ReadableStream.from(List.of("a", "b", "c")).pipe(h);
        });
        assertThat(chunks).hasSize(1);
        assertThat(((Bytes) chunks.get(0)).toString("hex")).isEqualTo(Crypto.hash("sha256", "abc"));
    }

    @Test
    void hmacAcceptsAnEmptyKeyAndLongKeys() throws Exception {
        String big = "k".repeat(200);
        List<String> ours = onLoop(() -> List.of(
                Crypto.createHmac("sha256", "").update("data").digest("hex"),
                Crypto.createHmac("sha512", big).update("data").digest("hex"),
                Crypto.createHmac("sha3-256", Bytes.from("0001ff", "hex")).update("data").digest("base64")));
        List<String> node = NodeOracle.run("""
                console.log(crypto.createHmac('sha256', '').update('data').digest('hex'));
                console.log(crypto.createHmac('sha512', 'k'.repeat(200)).update('data').digest('hex'));
                console.log(crypto.createHmac('sha3-256', Buffer.from('0001ff','hex')).update('data').digest('base64'));
                """);
        assertThat(ours).isEqualTo(node);
    }

    @Test
    void everyAlgorithmMatchesNodeOnBinaryAndTextInput() throws Exception {
        StringBuilder js = new StringBuilder();
        List<String> ours = new ArrayList<>();
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        for (String alg : ALGORITHMS) {
            js.append("{const d=Buffer.alloc(1000); for (let i=0;i<1000;i++) d[i]=(i*31+7)&255;")
              .append("console.log(crypto.createHash('").append(alg).append("').update(d).update('héllo ☃').digest('hex'));")
              .append("console.log(crypto.createHmac('").append(alg).append("', d.subarray(0,77)).update(d).digest('base64'));}\n");
            ours.add(onLoop(() -> Crypto.createHash(alg).update(data).update("héllo ☃").digest("hex")));
            byte[] key = java.util.Arrays.copyOf(data, 77);
            ours.add(onLoop(() -> Crypto.createHmac(alg, key).update(data).digest("base64")));
        }
        assertThat(ours).isEqualTo(NodeOracle.run(js.toString()));
    }

    @Test
    void hexInputEncodingIsDecodedBeforeHashing() {
        assertThat(onLoop(() -> Crypto.createHash("md5").update("616263", "hex").digest("hex")))
                .isEqualTo(Crypto.hash("md5", "abc"));
    }

    @Test
    void getHashesListsTheSupportedNames() {
        assertThat(Crypto.getHashes()).contains("md5", "sha1", "sha256", "sha3-256", "rsa-sha256").isSorted();
    }
}
