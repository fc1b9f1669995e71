package ru.repitbot.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server run from the binaries packaged by zonky (no install needed). It is a child process of this
 * JVM: {@link #close()} stops it, and zonky's shutdown hook stops it when the JVM exits normally.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Twelve apps with a pool of five each, plus migrations, psql sessions and headroom. */
    static final String MAX_CONNECTIONS = "300";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirOrNull where the cluster lives; it is kept across restarts. {@code null} means a throw-away
     *                      cluster in the temp directory, deleted on {@link #close()}
     * @param portOrZero    the port to listen on (loopback), or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero) {
        FreePort.resolve(portOrZero); // validates the range
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    // Dev/test server: a crash may lose the last commits, never corrupt the cluster.
                    .setServerConfig("synchronous_commit", "off");
            if (portOrZero != 0) {
                builder.setPort(portOrZero);
            }
            if (dataDirOrNull != null) {
                Files.createDirectories(dataDirOrNull);
                builder.setDataDirectory(dataDirOrNull).setCleanDataDirectory(false);
            } else {
                // A throw-away cluster may skip the disk flushes: nothing in it must survive an OS crash.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@code database} for user {@code postgres} (trust authentication, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=postgres";
    }

    /** The same in the seed's {@code DATABASE_URL} form. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code name} unless it exists. Names are plain identifiers (letters, digits, underscore). */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            } catch (SQLException e) {
                // Another process created it between the check and the create: that is what we wanted.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
