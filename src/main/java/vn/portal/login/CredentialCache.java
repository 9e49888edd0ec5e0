package vn.portal.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.portal.user.CredentialsChanged;

/**
 * Remembers, for a few minutes, that a user name and password were verified against a given
 * password hash, so that a script sending HTTP Basic on every request pays for bcrypt once.
 *
 * <p>Nothing here can give a password back: an entry is keyed by an HMAC of the credentials
 * under a key made at start-up and never stored. An entry only counts while the user is active
 * and their stored hash is still the one it was verified against, which the caller reads from
 * the database on every request; so a password change or a deactivation takes effect at once,
 * on every instance. {@link #forget} also drops the entries of one user right away.
 */
@ApplicationScoped
public class CredentialCache {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(long userId, String passwordHash, long expiresAt) {
    }

    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CredentialCache() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public boolean holds(String username, String password, Accounts.Account account) {
        String id = keyOf(username, password);
        Entry entry = entries.get(id);
        if (entry == null) {
            return false;
        }
        if (entry.userId() == account.userId() && entry.passwordHash().equals(account.passwordHash()) && account.active()
                && System.nanoTime() - entry.expiresAt() < 0) {
            return true;
        }
        entries.remove(id, entry);
        return false;
    }

    public void remember(String username, String password, Accounts.Account account) {
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(keyOf(username, password),
                new Entry(account.userId(), account.passwordHash(), System.nanoTime() + REMEMBER_FOR.toNanos()));
    }

    void forget(@Observes CredentialsChanged change) {
        forget(change.userId());
    }

    public void forget(long userId) {
        entries.values().removeIf(entry -> entry.userId() == userId);
    }

    private String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
