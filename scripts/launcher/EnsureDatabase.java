import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Creates a PostgreSQL database when it is missing, for {@code ./repitbot up} on a machine without {@code psql}.
 * Run as a single-file program with the JDBC driver on the class path:
 *
 * <pre>
 * REPITBOT_DB_PASSWORD=... java -cp postgresql.jar EnsureDatabase.java jdbc:postgresql://HOST:PORT/postgres USER DB
 * </pre>
 *
 * Prints {@code created} or {@code exists}; exits 1 with the reason on stderr when it cannot.
 */
public class EnsureDatabase {

    public static void main(String[] args) {
        if (args.length != 3 || !args[2].matches("[A-Za-z0-9_]+")) {
            System.err.println("usage: EnsureDatabase JDBC_URL_OF_MAINTENANCE_DB USER DATABASE (letters, digits, _)");
            System.exit(2);
        }
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        String password = System.getenv("REPITBOT_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(args[0], props)) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "select 1 from pg_database where datname = ?")) {
                exists.setString(1, args[2]);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        System.out.println("exists");
                        return;
                    }
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database \"" + args[2] + "\"");
            }
            System.out.println("created");
        } catch (SQLException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
