package vn.portal.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing for one user name: after {@value #FREE_FAILURES} failures in a
 * row, each further attempt must wait, one second and then twice as long after each failure,
 * never more than {@link #LONGEST_WAIT}. Attempts refused while waiting are not checked and do
 * not count, so the real user is kept out for at most that long after the last guess, and
 * never while their password is remembered ({@link CredentialCache}); a success clears the count.
 * Per instance, in memory: a restart forgets it.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_NAMES = 10_000;

    private record Failures(int count, long lastAt, long waitUntil) {
    }

    private final Map<String, Failures> byName = new ConcurrentHashMap<>();

    /** Whole seconds until the next attempt for this user name will be checked; 0 when it may go now. */
    public long secondsToWait(String username) {
        Failures failures = byName.get(key(username));
        if (failures == null) {
            return 0;
        }
        long left = failures.waitUntil() - System.nanoTime();
        return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Records a failed attempt. */
    public void failed(String username) {
        long now = System.nanoTime();
        if (byName.size() >= MAX_NAMES) {
            byName.values().removeIf(f -> now - f.lastAt() > FORGET_AFTER.toNanos());
        }
        byName.compute(key(username), (name, before) -> {
            int count = before == null || now - before.lastAt() > FORGET_AFTER.toNanos() ? 1 : before.count() + 1;
            long wait = count < FREE_FAILURES ? 0
                    : Math.min(LONGEST_WAIT.toNanos(), Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 20)).toNanos());
            return new Failures(count, now, now + wait);
        });
    }

    public void succeeded(String username) {
        byName.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
