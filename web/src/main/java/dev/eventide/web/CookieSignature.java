package dev.eventide.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed cookie values as the cookie-signature package makes them, so that cookies signed by an
 * Express service verify here and back: {@code value + "." + base64(HMAC-SHA256(secret, value))}
 * without padding. Verification compares in constant time. Stateless; any thread.
 */
public final class CookieSignature {
    private CookieSignature() {
    }

    public static String sign(String value, String secret) {
        return value + "." + mac(value, secret);
    }

    /** The value if {@code signed} carries a valid signature for {@code secret}, else null. */
    public static String unsign(String signed, String secret) {
        int dot = signed.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String value = signed.substring(0, dot);
        byte[] expected = sign(value, secret).getBytes(StandardCharsets.UTF_8);
        byte[] actual = signed.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual) ? value : null;
    }

    private static String mac(String value, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
