package dev.eventide.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.errors.NodeError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key pairs, PEM export and import, sign/verify, each checked against node in both directions. */
class SignTest {
    private static String code(Throwable e) {
        return ((NodeError) e).code();
    }

    @Test
    void generatedKeysReportNodesDetails() {
        KeyObjectPair rsa = Crypto.generateKeyPairSync("rsa", new KeyPairOptions().modulusLength(2048).publicExponent(3));
        assertThat(rsa.publicKey().type()).isEqualTo("public");
        assertThat(rsa.privateKey().asymmetricKeyType()).isEqualTo("rsa");
        assertThat(rsa.publicKey().asymmetricKeyDetails()).containsEntry("modulusLength", 2048)
                .containsEntry("publicExponent", java.math.BigInteger.valueOf(3));
        KeyObjectPair ec = Crypto.generateKeyPairSync("ec", new KeyPairOptions().namedCurve("P-384"));
        assertThat(ec.publicKey().asymmetricKeyDetails()).containsEntry("namedCurve", "secp384r1");
        KeyObjectPair ed = Crypto.generateKeyPairSync("ed25519", null);
        assertThat(ed.privateKey().asymmetricKeyType()).isEqualTo("ed25519");
        assertThat(ed.publicKey().exportPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(OnLoop.await(() -> Crypto.generateKeyPair("ec", new KeyPairOptions().namedCurve("prime256v1")))
                .privateKey().asymmetricKeyDetails()).containsEntry("namedCurve", "prime256v1");
    }

    @Test
    void badKeyPairOptionsGetNodesErrors() {
        assertThatThrownBy(() -> Crypto.generateKeyPairSync("rsa", new KeyPairOptions()))
                .hasMessage("The \"options.modulusLength\" property must be of type number. Received undefined");
        assertThatThrownBy(() -> Crypto.generateKeyPairSync("ec", new KeyPairOptions().namedCurve("nope")))
                .hasMessage("Invalid EC curve name").satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_CURVE"));
        assertThatThrownBy(() -> Crypto.generateKeyPairSync("dsa2", null))
                .hasMessage("The argument 'type' must be a supported key type. Received 'dsa2'");
        assertThatThrownBy(() -> OnLoop.await(() -> Crypto.generateKeyPair("ec", new KeyPairOptions())))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ERR_INVALID_ARG_TYPE"));
        assertThatThrownBy(() -> Crypto.createSign("nope")).hasMessage("Invalid digest");
        assertThatThrownBy(() -> Crypto.createPublicKey("nope")).satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OSSL_UNSUPPORTED"));
    }

    @Test
    void ourSignaturesVerifyInNodeAndNodesInOurs() throws Exception {
        KeyObjectPair rsa = Crypto.generateKeyPairSync("rsa", new KeyPairOptions().modulusLength(2048));
        KeyObjectPair ec = Crypto.generateKeyPairSync("ec", new KeyPairOptions().namedCurve("P-256"));
        KeyObjectPair ed = Crypto.generateKeyPairSync("ed25519", null);
        String rsaSig = OnLoop.get(() -> Crypto.createSign("sha256").update("hello ").update("world").sign(rsa.privateKey(), "base64"));
        String ecSig = Crypto.sign("sha384", Bytes.from("hello world"), ec.privateKey()).toString("base64");
        String edSig = Crypto.sign(null, Bytes.from("hello world"), ed.privateKey()).toString("base64");
        String js = String.format("""
                const pub = (p) => crypto.createPublicKey(p);
                const rsa = `%s`, ec = `%s`, ed = `%s`;
                console.log(crypto.verify('sha256', Buffer.from('hello world'), pub(rsa), Buffer.from('%s', 'base64')));
                console.log(crypto.verify('sha384', Buffer.from('hello world'), pub(ec), Buffer.from('%s', 'base64')));
                console.log(crypto.verify(null, Buffer.from('hello world'), pub(ed), Buffer.from('%s', 'base64')));
                console.log(crypto.createPrivateKey(`%s`).asymmetricKeyType);
                const k = crypto.generateKeyPairSync('ec', {namedCurve: 'P-256'});
                console.log(k.publicKey.export({type: 'spki', format: 'pem'}).replace(/\\n/g, '|'));
                console.log(crypto.createSign('sha512').update('from node').sign(k.privateKey, 'hex'));
                const e = crypto.generateKeyPairSync('ed25519');
                console.log(e.publicKey.export({type: 'spki', format: 'pem'}).replace(/\\n/g, '|'));
                console.log(crypto.sign(null, Buffer.from('from node'), e.privateKey).toString('hex'));
                const r = crypto.generateKeyPairSync('rsa', {modulusLength: 1024});
                console.log(r.privateKey.export({type: 'pkcs8', format: 'pem'}).replace(/\\n/g, '|'));
                console.log(crypto.sign('sha1', Buffer.from('from node'), r.privateKey).toString('hex'));
                """, rsa.publicKey().exportPem(), ec.publicKey().exportPem(), ed.publicKey().exportPem(),
                rsaSig, ecSig, edSig, ed.privateKey().exportPem());
        List<String> out = NodeOracle.run(js);
        assertThat(out.subList(0, 4)).containsExactly("true", "true", "true", "ed25519");
        KeyObject nodeEc = Crypto.createPublicKey(out.get(4).replace('|', '\n'));
        Bytes ecNodeSig = Bytes.from(out.get(5), "hex");
        assertThat(OnLoop.get(() -> Crypto.createVerify("sha512").update("from node").verify(nodeEc, ecNodeSig))).isTrue();
        assertThat(OnLoop.get(() -> Crypto.createVerify("sha512").update("from nodE").verify(nodeEc, ecNodeSig))).isFalse();
        KeyObject nodeEd = Crypto.createPublicKey(out.get(6).replace('|', '\n'));
        assertThat(Crypto.verify(null, Bytes.from("from node"), nodeEd, Bytes.from(out.get(7), "hex"))).isTrue();
        KeyObject nodeRsa = Crypto.createPrivateKey(out.get(8).replace('|', '\n'));
        assertThat(Crypto.sign("sha1", Bytes.from("from node"), nodeRsa).toString("hex")).isEqualTo(out.get(9));
        assertThat(Crypto.verify("sha1", Bytes.from("from node"), Crypto.createPublicKey(nodeRsa), Bytes.from(out.get(9), "hex"))).isTrue();
    }

    @Test
    void edwardsKeysNeedTheOneShotFormWithoutDigest() {
        KeyObjectPair ed = Crypto.generateKeyPairSync("ed25519", null);
        assertThatThrownBy(() -> Crypto.sign("sha256", Bytes.from("x"), ed.privateKey()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ERR_OSSL_INVALID_DIGEST"));
        OnLoop.run(() -> assertThatThrownBy(() -> Crypto.createSign("sha256").update("x").sign(ed.privateKey()))
                .hasMessage("Unsupported crypto operation"));
        Bytes sig = Crypto.sign(null, Bytes.from("x"), ed.privateKey());
        assertThat(sig.length()).isEqualTo(64);
        assertThat(Crypto.verify(null, Bytes.from("y"), ed.publicKey(), sig)).isFalse();
    }

    @Test
    void secretKeysAndPemRoundTrips() {
        KeyObject s = Crypto.createSecretKey(Bytes.from("k3y"));
        assertThat(s.type()).isEqualTo("secret");
        assertThat(s.symmetricKeySize()).isEqualTo(3);
        assertThat(s.export().toString()).isEqualTo("k3y");
        KeyObjectPair rsa = Crypto.generateKeyPairSync("rsa", new KeyPairOptions().modulusLength(1024));
        assertThat(Crypto.createPrivateKey(rsa.privateKey().exportPem())).isEqualTo(rsa.privateKey());
        assertThat(Crypto.createPublicKey(rsa.publicKey().exportDer("spki"))).isEqualTo(rsa.publicKey());
        assertThat(Crypto.createPublicKey(rsa.privateKey())).isEqualTo(rsa.publicKey());
        assertThatThrownBy(() -> Crypto.createPrivateKey(rsa.publicKey()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE"));
    }
}
