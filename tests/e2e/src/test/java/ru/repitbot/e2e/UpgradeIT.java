package ru.repitbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared stack runs today's services on a database the previous release's migrations made
 * ({@link PreviousRelease}, docs/deploy/upgrades.md): in every service's schema the release's migrations were applied
 * first, before the stack started, and today's own (the release's plus any newer) all applied after them, every one
 * successful. The rest of the suite, running on this stack, is what shows the upgraded database works.
 */
@Order(1)
@ExtendWith(StackExtension.class)
class UpgradeIT {

    private final RepitbotStack stack;

    UpgradeIT(RepitbotStack stack) {
        this.stack = stack;
    }

    record Row(int rank, String version, String script, boolean success, Timestamp installedOn) {
    }

    @Test
    void everyServiceMigratedForwardFromThePreviousRelease() throws Exception {
        PreviousRelease.Prepared release = stack.previousRelease();
        assertThat(release)
                .as("the stack was started on an empty database (-D%s=none): no upgrade was checked",
                        PreviousRelease.PROPERTY)
                .isNotNull();
        Map<String, PreviousRelease.Plan> today = PreviousRelease.plans(stack.root());
        assertThat(today.keySet()).as("the services with a database, today").containsAll(release.plans().keySet());
        List<String> summary = new ArrayList<>();
        try (Connection db = stack.database()) {
            for (PreviousRelease.Plan now : today.values()) {
                PreviousRelease.Plan then = release.plans().get(now.service());
                List<Row> history = history(db, now.schema());
                TreeSet<String> applied = new TreeSet<>(history.stream().map(Row::version).toList());
                assertThat(history).as("%s: every migration succeeded", now.service()).allMatch(Row::success);
                assertThat(applied).as("%s: today's migrations all applied", now.service())
                        .containsAll(now.versions());
                if (then == null) {
                    summary.add(now.service() + ": new since the release, " + applied.size() + " migrations");
                    continue;
                }
                assertThat(then.schema()).as("%s keeps its schema", now.service()).isEqualTo(now.schema());
                TreeSet<String> old = then.versions();
                assertThat(old).as("%s: the release had migrations", now.service()).isNotEmpty();
                List<Row> oldRows = history.stream().filter(r -> old.contains(r.version())).toList();
                List<Row> newRows = history.stream().filter(r -> !old.contains(r.version())).toList();
                assertThat(oldRows).as("%s: the release's migrations in the history", now.service())
                        .extracting(Row::version).containsExactlyInAnyOrderElementsOf(old);
                int lastOld = oldRows.stream().mapToInt(Row::rank).max().orElseThrow();
                assertThat(oldRows).as("%s: the release's migrations ran before the stack started", now.service())
                        .allMatch(r -> !r.installedOn().after(release.finishedAt()));
                assertThat(newRows).as("%s: newer migrations ran after the release's, by today's service",
                        now.service())
                        .allMatch(r -> r.rank() > lastOld);
                summary.add(now.service() + ": " + old.size() + " from " + release.commit().substring(0, 9) + ", "
                        + newRows.size() + " added by today's");
            }
        }
        System.out.println("[e2e] upgrade: " + String.join("; ", summary));
    }

    private static List<Row> history(Connection db, String schema) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (var statement = db.prepareStatement("SELECT installed_rank, version, script, success, installed_on FROM \""
                + schema + "\".flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5)));
            }
        }
        return rows;
    }
}
