package vn.portal.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification, as the Standard Webhooks libraries do it (their {@code Webhook.verify}):
 * from the three headers and the raw body only, the secret's base64 after {@code whsec_} as the key,
 * the timestamp within five minutes of the receiver's clock, and any one of the space-separated
 * {@code v1,} signatures matching, compared in constant time.
 */
public final class StandardWebhooks {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /** Throws an AssertionError saying why, unless the request verifies against {@code secret} at {@code now}. */
    public static void verify(String secret, Receiver.Request request, Instant now) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new AssertionError("missing a required header: " + request.headers());
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new AssertionError("webhook-timestamp is not a number: " + timestamp);
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new AssertionError("webhook-timestamp " + seconds + " is not within 5 minutes of " + now);
        }
        byte[] expected = Base64.getDecoder().decode(sign(secret, id, seconds, request.body()).substring(3));
        for (String versioned : signatures.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
                continue;
            }
            if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned.substring(comma + 1)))) {
                return;
            }
        }
        throw new AssertionError("no signature matches: " + signatures);
    }

    /** Whether it verifies, rather than why not. */
    public static boolean verifies(String secret, Receiver.Request request, Instant now) {
        try {
            verify(secret, request, now);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** {@code v1,<base64 HMAC-SHA256>} of "{id}.{timestamp}.{body}". */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
