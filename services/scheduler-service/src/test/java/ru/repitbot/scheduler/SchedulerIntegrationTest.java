package ru.repitbot.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.repitbot.calls.ServiceTokenSource;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.scheduler.app.JobRuns;
import ru.repitbot.scheduler.db.JobRunLog;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context of this module's integration tests: the real service over real PostgreSQL and RabbitMQ,
 * lesson-service and homework-service replaced by {@link OwnerStub} (real HTTP), the service token minted locally,
 * and a {@link MutableClock}. The context's own Quartz scheduler is not started (test application.properties): tests
 * run jobs through {@link JobRuns} at the clock's time, or start Quartz instances of their own on the same tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SchedulerIntegrationTest.TestBeans.class)
public abstract class SchedulerIntegrationTest {

    protected static final OwnerStub OWNERS = OwnerStub.start();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);

    @DynamicPropertySource
    static void owners(DynamicPropertyRegistry registry) {
        registry.add("repitbot.services.lesson-service.url", OWNERS::url);
        registry.add("repitbot.services.homework-service.url", OWNERS::url);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }

        @Bean
        ServiceTokenSource serviceTokenSource() {
            return new ServiceTokenSource() {
                @Override
                public String bearer() {
                    return TestTokens.get().service("scheduler-service");
                }

                @Override
                public void invalidate() {
                }
            };
        }
    }

    protected final EventCodec codec = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JobRuns jobs;

    @BeforeEach
    void freshStart() {
        OWNERS.reset();
        jdbc.update("DELETE FROM job_run");
    }

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    /** Runs {@code job} now, at the clock's time, as a replica named "test" would. */
    protected JobRuns.Finished runAt(Instant now, String job) {
        clock.set(now);
        return jobs.run(job, null, "test");
    }

    protected JobRunLog.Run lastRun(String job) {
        return jdbc.query("SELECT * FROM job_run WHERE job_name = ? ORDER BY id DESC LIMIT 1",
                (rs, i) -> new JobRunLog.Run(rs.getLong("id"), rs.getString("job_name"), rs.getString("instance_name"),
                        ts(rs.getTimestamp("scheduled_for")), ts(rs.getTimestamp("started_at")),
                        ts(rs.getTimestamp("finished_at")), rs.getString("outcome"),
                        ts(rs.getTimestamp("covered_from")), ts(rs.getTimestamp("covered_until")),
                        rs.getBoolean("late"), rs.getInt("sent"), rs.getInt("dropped"), rs.getString("detail")),
                job).getFirst();
    }

    private static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The events of a type in the outbox, oldest first. */
    protected List<EventEnvelope> outbox(String type) {
        return jdbc.queryForList("SELECT envelope FROM outbox_event WHERE event_type = ? ORDER BY id", String.class,
                type).stream().map(codec::decode).toList();
    }

    /** The {@code reminder.due} payloads about one lesson or homework, oldest first. */
    protected List<JsonNode> remindersOf(String target, long id) {
        return outbox("reminder.due").stream().map(EventEnvelope::data)
                .filter(d -> d.path("target").asString().equals(target) && d.path("target_id").asLong() == id)
                .toList();
    }

    protected static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : java.time.OffsetDateTime.parse(node.asString()).toInstant();
    }

    protected ApiClient as(long userId, String role) {
        return ApiClient.local(port).withToken(TestTokens.get().user(userId, role));
    }

    protected ApiClient asService(String name) {
        return ApiClient.local(port).withToken(TestTokens.get().service(name));
    }

    protected ApiClient anonymous() {
        return ApiClient.local(port);
    }
}
