package vn.portal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets and signatures of the Standard Webhooks specification: a secret is {@code whsec_}
 * and the base64 of 24 to 64 random bytes; a signature is {@code v1,} and the base64 of
 * HMAC-SHA256(those bytes, "{webhook-id}.{webhook-timestamp}.{body}").
 */
final class Signatures {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    /** The size of the secrets the service makes. */
    static final int MADE_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new random secret. */
    static String newSecret() {
        byte[] key = new byte[MADE_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why a secret sent by a client cannot be one, or null when it can. */
    static String problemWith(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return "must start with " + PREFIX;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "must be " + PREFIX + " followed by base64";
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return "must hold " + MIN_BYTES + " to " + MAX_BYTES + " bytes after " + PREFIX + " (it holds " + key.length + ")";
        }
        return null;
    }

    /** {@code v1,<base64 signature>} of one attempt. */
    static String sign(String secret, String messageId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK and takes any key", e);
        }
    }

    /** The {@code webhook-signature} header: the current key's signature, then the previous key's while it still signs. */
    static String header(String secret, String previous, String messageId, long timestamp, byte[] body) {
        String signature = sign(secret, messageId, timestamp, body);
        return previous == null ? signature : signature + " " + sign(previous, messageId, timestamp, body);
    }
}
