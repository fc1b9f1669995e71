package ru.repitbot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void answersSelectOneAndCreatesDatabasesOnce() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            assertThat(postgres.port()).isPositive().isNotEqualTo(5432);
            assertThat(postgres.url("lessons")).isEqualTo("postgresql://postgres@127.0.0.1:" + postgres.port() + "/lessons");
            assertThat(scalar(postgres.jdbcUrl("postgres"), "select 1")).isEqualTo("1");
            assertThat(scalar(postgres.jdbcUrl("postgres"), "show max_connections")).isEqualTo("300");

            postgres.createDatabaseIfMissing("repitbot_lesson");
            postgres.createDatabaseIfMissing("repitbot_lesson");
            assertThat(scalar(postgres.jdbcUrl("repitbot_lesson"), "select current_database()"))
                    .isEqualTo("repitbot_lesson");
        }
    }

    @Test
    void keepsDataAcrossRestartsWhenGivenADataDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0)) {
            execute(postgres.jdbcUrl("postgres"), "create table kept(id int); insert into kept values (42)");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(scalar(postgres.jdbcUrl("postgres"), "select id from kept")).isEqualTo("42");
        }
    }

    private static String scalar(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
