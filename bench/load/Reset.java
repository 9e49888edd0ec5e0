import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Empties a PostgreSQL database for the bench: its public schema is dropped and made again. */
public class Reset {
    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]); Statement s = db.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
    }
}
