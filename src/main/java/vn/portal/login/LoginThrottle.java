package vn.portal.login;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Slows down password guessing for one user name: after {@value #FREE_FAILURES} failures in a
 * row, each further attempt must wait, one second and then twice as long after each failure,
 * never more than {@link #LONGEST_WAIT}. Attempts refused while waiting are not checked and do
 * not count, so the real user is kept out for at most that long after the last guess, and
 * never while their password is remembered ({@link CredentialCache}); a success clears the count.
 *
 * <p>The count is kept in the database ({@code login_failure}), so a guesser gains nothing by
 * spreading guesses over several instances or waiting for a restart. Statements run outside any
 * transaction, each on its own, and a lost race is read again.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    @Inject
    AgroalDataSource dataSource;

    /** Whole seconds until the next attempt for this user name will be checked; 0 when it may go now. */
    public long secondsToWait(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select wait_until from login_failure where name_hash = ?")) {
            statement.setString(1, key(username));
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                long left = Duration.between(now(), row.getObject(1, OffsetDateTime.class).toInstant()).toMillis();
                return left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the failed logins", e);
        }
    }

    /** Records a failed attempt. */
    public void failed(String username) {
        String key = key(username);
        try (Connection connection = dataSource.getConnection()) {
            // a concurrent failure for the same name changes the row under us: count again
            for (int attempt = 0; attempt < 10; attempt++) {
                if (tryCount(connection, key)) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a failed login", e);
        }
    }

    private boolean tryCount(Connection connection, String key) throws SQLException {
        Instant now = now();
        try (PreparedStatement read = connection.prepareStatement(
                "select failures, last_failed_at from login_failure where name_hash = ?")) {
            read.setString(1, key);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return insertFirst(connection, key, now);
                }
                int before = row.getInt(1);
                OffsetDateTime lastAt = row.getObject(2, OffsetDateTime.class);
                int count = lastAt.toInstant().isBefore(now.minus(FORGET_AFTER)) ? 1 : before + 1;
                try (PreparedStatement update = connection.prepareStatement("update login_failure set failures = ?, "
                        + "last_failed_at = ?, wait_until = ? where name_hash = ? and failures = ? and last_failed_at = ?")) {
                    update.setInt(1, count);
                    update.setObject(2, utc(now));
                    update.setObject(3, utc(now.plus(waitAfter(count))));
                    update.setString(4, key);
                    update.setInt(5, before);
                    update.setObject(6, lastAt);
                    return update.executeUpdate() == 1;
                }
            }
        }
    }

    private static boolean insertFirst(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into login_failure (name_hash, failures, last_failed_at, wait_until) values (?, 1, ?, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, utc(now));
            insert.setObject(3, utc(now.plus(waitAfter(1))));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // another instance inserted it first
            }
            throw e;
        }
    }

    static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    public void succeeded(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("delete from login_failure where name_hash = ?")) {
            statement.setString(1, key(username));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear the failed logins", e);
        }
    }

    /** Forgets the names whose last failure is long past; any instance may run it. */
    @Scheduled(every = "${portal.login.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from login_failure where last_failed_at < ? and wait_until < ?")) {
            statement.setObject(1, utc(now.minus(FORGET_AFTER)));
            statement.setObject(2, utc(now));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot purge the failed logins", e);
        }
    }

    /** Names of any length and content, unknown ones included, become one fixed-size key. */
    private static String key(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
