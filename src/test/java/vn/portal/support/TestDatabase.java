package vn.portal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database the tests run on: the in-memory H2 of application.properties, or, in a build with
 * {@code -Ppostgresql}, the PostgreSQL database named by {@code PORTAL_TEST_DB_URL},
 * {@code PORTAL_TEST_DB_USER} and {@code PORTAL_TEST_DB_PASSWORD} (the pom gives the
 * {@code @QuarkusTest}s the same variables with the same defaults). Tests that need a database of
 * their own, empty (the demo story, the packaged service), get a sibling on the same server.
 */
public final class TestDatabase {

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql:(?://[^/]*/)?)([^/?]+)(\\?.*)?$");

    private TestDatabase() {
    }

    /**
     * Whether this build's tests run on PostgreSQL: the pom's postgresql profile sets
     * {@code test.database} (not a {@code portal.} name: the service refuses unknown ones).
     */
    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("test.database"));
    }

    public static String url() {
        return env("PORTAL_TEST_DB_URL", "jdbc:postgresql://localhost:5432/portal_test");
    }

    public static String user() {
        return env("PORTAL_TEST_DB_USER", "portal");
    }

    public static String password() {
        return env("PORTAL_TEST_DB_PASSWORD", "portal");
    }

    /**
     * Creates the empty PostgreSQL database {@code <test database>_<suffix>} next to the test
     * database, dropping one left by an earlier run, and returns its JDBC URL. Its collation
     * is byte order, as the README asks of production databases. The suffix is a test's name:
     * what is not a lower-case letter, a digit or {@code _} becomes {@code _}.
     */
    public static String freshPostgresqlDatabase(String suffix) {
        String safeSuffix = suffix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (safeSuffix.isEmpty() || safeSuffix.length() > 30) {
            throw new IllegalArgumentException("suffix: " + suffix);
        }
        Matcher url = DATABASE_IN_URL.matcher(url());
        if (!url.matches()) {
            throw new IllegalStateException("PORTAL_TEST_DB_URL names no database: " + url());
        }
        String name = url.group(2) + "_" + safeSuffix;
        String quoted = '"' + name.replace("\"", "\"\"") + '"';
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + quoted + " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name
                    + " (the user of PORTAL_TEST_DB_URL must be allowed to create databases)", e);
        }
        return url.group(1) + name + (url.group(3) == null ? "" : url.group(3));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
