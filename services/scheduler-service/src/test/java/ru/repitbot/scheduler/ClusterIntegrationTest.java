package ru.repitbot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;
import ru.repitbot.events.EventsProperties;
import ru.repitbot.scheduler.app.JobRegistrar;
import ru.repitbot.scheduler.domain.JobCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * Quartz clustered on the one database: scheduler instances (replicas) built as the service builds its own, started
 * and stopped by the test. docs/domain/notifications.md#jobs, docs/domain/notifications.md#downtime
 */
class ClusterIntegrationTest extends SchedulerIntegrationTest {

    private static final String JOB = JobCatalogue.LESSON_REMINDERS;

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin amqp;
    @Autowired
    EventsProperties events;

    private final List<Scheduler> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() throws SchedulerException {
        for (Scheduler replica : replicas) {
            if (!replica.isShutdown()) {
                replica.shutdown(true);
            }
        }
    }

    @Test
    void twoReplicasFiringTheSameJobPublishEachReminderOnce() throws Exception {
        Instant t = Instant.parse("2027-06-01T10:00:00Z");
        runAt(t.minus(Duration.ofMinutes(10)), JOB);
        List<Long> lessons = List.of(newId(), newId(), newId());
        for (int i = 0; i < lessons.size(); i++) {
            // 1 h reminders due at t-60s, t-30s and t.
            OWNERS.put(new OwnerStub.Lesson(lessons.get(i), 61, 81, t.plusSeconds(3540 + 30L * i), 60, "Vectors",
                    "scheduled", null));
        }
        Queue queue = new Queue("scheduler-test-" + java.util.UUID.randomUUID(), false, false, false);
        amqp.declareQueue(queue);
        amqp.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(events.exchange())).with("reminder.due"));
        clock.set(t);
        try {
            publishOnceByTwoReplicas(queue, lessons);
        } finally {
            amqp.deleteQueue(queue.getName());
        }
    }

    private void publishOnceByTwoReplicas(Queue queue, List<Long> lessons) throws Exception {
        Scheduler a = replica("a");
        Scheduler b = replica("b");
        a.triggerJob(JobRegistrar.jobKey(JOB));
        b.triggerJob(JobRegistrar.jobKey(JOB));
        awaitRuns("a-%", "b-%", 2);

        for (long lesson : lessons) {
            assertThat(remindersOf("lesson", lesson)).as("outbox, lesson " + lesson).hasSize(1);
        }
        // And on the broker: one message per reminder, however many runs and replicas.
        List<Long> delivered = new ArrayList<>();
        long until = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < until) {
            Message message = rabbit.receive(queue.getName(), 500);
            if (message != null) {
                JsonNode data = codec.decode(message.getBody()).data();
                if (lessons.contains(data.path("target_id").asLong())) {
                    delivered.add(data.path("target_id").asLong());
                }
            } else if (delivered.size() >= lessons.size()) {
                break;
            }
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(lessons);
        assertWindowsFollowEachOther();
    }

    @Test
    void aRestartedSchedulerSendsNothingTwice() throws Exception {
        Instant t = Instant.parse("2027-07-01T10:00:00Z");
        runAt(t.minus(Duration.ofMinutes(10)), JOB);
        long lesson = newId();
        OWNERS.put(new OwnerStub.Lesson(lesson, 62, 82, t.plusSeconds(3540), 60, "Fractions", "scheduled", null));
        clock.set(t);

        Scheduler before = replica("before");
        before.triggerJob(JobRegistrar.jobKey(JOB));
        awaitRuns("before-%", "before-%", 1);
        before.shutdown(true);
        assertThat(remindersOf("lesson", lesson)).hasSize(1);

        // A new instance, at the same moment and a little later: its windows start where the last run stopped.
        Scheduler after = replica("after");
        after.triggerJob(JobRegistrar.jobKey(JOB));
        awaitRuns("after-%", "after-%", 1);
        clock.set(t.plusSeconds(30));
        after.triggerJob(JobRegistrar.jobKey(JOB));
        awaitRuns("after-%", "after-%", 2);

        assertThat(remindersOf("lesson", lesson)).hasSize(1);
        assertWindowsFollowEachOther();
    }

    @Test
    void firesMissedWhileEveryReplicaWasDownBecomeOneRun() throws Exception {
        String digest = JobCatalogue.BALANCE_DIGEST;
        // Down for 50 minutes: three quarter-hour fires of the digest passed unrun.
        jdbc.update("UPDATE qrtz_triggers SET next_fire_time = ?, trigger_state = 'WAITING' WHERE trigger_name = ? "
                + "AND trigger_group = ?", System.currentTimeMillis() - Duration.ofMinutes(50).toMillis(), digest,
                JobRegistrar.GROUP);
        clock.set(Instant.parse("2027-09-10T08:00:00Z"));

        Scheduler back = replica("back");
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && finishedRuns(digest, "back-%") == 0) {
            Thread.sleep(100);
        }
        Thread.sleep(3000);

        assertThat(finishedRuns(digest, "back-%")).isEqualTo(1);
        assertThat(back.getTrigger(JobRegistrar.triggerKey(digest)).getNextFireTime())
                .isAfter(new java.util.Date());
    }

    private int finishedRuns(String job, String instanceLike) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_name = ? AND instance_name LIKE ? "
                + "AND finished_at IS NOT NULL", Integer.class, job, instanceLike);
        return n == null ? 0 : n;
    }

    /** Every succeeded run's window starts where the previous one stopped: no gap, no overlap. */
    private void assertWindowsFollowEachOther() {
        List<Map<String, Object>> windows = jdbc.queryForList("SELECT covered_from, covered_until FROM job_run "
                + "WHERE job_name = ? AND outcome = 'succeeded' ORDER BY finished_at, id", JOB);
        assertThat(windows).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).get("covered_from")).isEqualTo(windows.get(i - 1).get("covered_until"));
        }
    }

    private void awaitRuns(String instanceLike, String orInstanceLike, int atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Integer finished = jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_name = ? "
                    + "AND (instance_name LIKE ? OR instance_name LIKE ?) AND finished_at IS NOT NULL", Integer.class,
                    JOB, instanceLike, orInstanceLike);
            Integer running = jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_name = ? "
                    + "AND finished_at IS NULL", Integer.class, JOB);
            if (finished != null && finished >= atLeast && running != null && running == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " runs of " + JOB + " by " + instanceLike);
    }

    /** A scheduler instance configured as the service configures its own (spring.quartz.*), on the same tables. */
    private Scheduler replica(String name) throws Exception {
        Map<String, String> quartz = Binder.get(environment)
                .bind("spring.quartz.properties", Bindable.mapOf(String.class, String.class)).get();
        Properties properties = new Properties();
        properties.putAll(quartz);
        properties.put("org.quartz.scheduler.instanceId", name + "-" + System.nanoTime());
        properties.put("org.quartz.scheduler.idleWaitTime", "1000");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setQuartzProperties(properties);
        factory.setSchedulerName(environment.getRequiredProperty("spring.quartz.scheduler-name"));
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        factory.setJobFactory(jobFactory);
        factory.setApplicationContext(context);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.afterPropertiesSet();
        Scheduler scheduler = factory.getScheduler();
        replicas.add(scheduler);
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        scheduler.start();
        return scheduler;
    }

}
