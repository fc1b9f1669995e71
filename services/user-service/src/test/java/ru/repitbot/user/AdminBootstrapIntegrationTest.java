package ru.repitbot.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.user.config.AdminBootstrap;

/** The first admin comes from ADMIN_ACCESS_CODE, once, however many replicas start together. */
class AdminBootstrapIntegrationTest extends IntegrationTest {

    @Autowired
    AdminBootstrap bootstrap;

    private long liveAdmins() {
        return jdbc.queryForObject("SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL",
                Long.class);
    }

    @Test
    void startUpCreatedExactlyOneAdminWhoLogsInWithTheConfiguredCode() {
        assertThat(liveAdmins()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT full_name FROM users WHERE role = 'admin' AND deleted_at IS NULL",
                String.class)).isEqualTo("Марина Администратор");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE event_type = 'user.created' "
                + "AND envelope LIKE '%\"role\":\"admin\"%'", Long.class)).isGreaterThanOrEqualTo(1);
        assertThat(bootstrap.createFirstAdminIfNeeded()).as("an admin exists: nothing to do").isFalse();
        assertThat(liveAdmins()).isEqualTo(1);

        var verified = asService("auth-service").post("/internal/v1/access-codes/verify",
                java.util.Map.of("access_code", ADMIN_CODE.toLowerCase(), "telegram_id", 4_242_424_242L));
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.json().path("role").asString()).isEqualTo("admin");
    }

    @Test
    void replicasStartingTogetherCreateOneAdmin() throws Exception {
        // Pretend the installation has no admin yet, then start four "replicas" at once.
        jdbc.update("UPDATE users SET deleted_at = now(), telegram_id = NULL WHERE role = 'admin'");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> replicas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replicas.add(bootstrap::createFirstAdminIfNeeded);
            }
            long created = 0;
            for (Future<Boolean> f : pool.invokeAll(replicas)) {
                created += f.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(liveAdmins()).isEqualTo(1);
    }
}
