package ru.repitbot.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule "no service writes SQL against tables that a shared module owns" catches what it is meant to. */
class ArchitectureRulesTest {

    @TempDir
    Path sources;

    @Test
    void aServiceQueryingTheAccessTablesFailsTheBuild() throws IOException {
        Path db = Files.createDirectories(sources.resolve("java/ru/repitbot/x/db"));
        Files.writeString(db.resolve("Zones.java"), """
                class Zones { String sql = "SELECT time_zone FROM ACCESS_USER WHERE id = ?"; }""");
        Files.writeString(sources.resolve("java/ru/repitbot/x/db/Other.java"), "class Other {}");

        assertThatThrownBy(() -> ArchitectureRules.checkNoSqlOnSharedTables(sources))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Zones.java names access_user, owned by shared/access")
                .hasMessageNotContaining("Other.java");
    }

    @Test
    void aMigrationJoiningTheLinksFailsToo() throws IOException {
        Path migrations = Files.createDirectories(sources.resolve("resources/db/migration"));
        Files.writeString(migrations.resolve("V2__view.sql"), "CREATE VIEW v AS SELECT * FROM access_link;");

        assertThatThrownBy(() -> ArchitectureRules.checkNoSqlOnSharedTables(sources))
                .hasMessageContaining("V2__view.sql names access_link");
    }

    @Test
    void aServiceAskingTheApiPasses() throws IOException {
        Path app = Files.createDirectories(sources.resolve("java/ru/repitbot/x/app"));
        Files.writeString(app.resolve("Zones.java"), "class Zones { Object z = directory.zoneOf(1); }");

        assertThatCode(() -> ArchitectureRules.checkNoSqlOnSharedTables(sources)).doesNotThrowAnyException();
    }
}
