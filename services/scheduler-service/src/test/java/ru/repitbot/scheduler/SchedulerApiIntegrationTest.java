package ru.repitbot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import ru.repitbot.scheduler.app.JobRegistrar;
import ru.repitbot.scheduler.domain.JobCatalogue;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** The admin API: admins and services only (404 for everyone else), its shapes, and the triggers behind it. */
class SchedulerApiIntegrationTest extends SchedulerIntegrationTest {

    private static final List<String> JOBS = List.of("lesson-reminders", "homework-deadline-reminders",
            "balance-digest", "template-materialisation", "monthly-reports");

    @Autowired
    Scheduler scheduler;

    @Autowired
    JobRegistrar registrar;

    @Test
    void anAdminSeesEveryJobWithItsScheduleNextFireAndLastRun() {
        runAt(Instant.parse("2027-08-01T10:00:00Z"), JobCatalogue.BALANCE_DIGEST);

        ApiClient.ApiResponse response = as(1, "admin").get("/api/v1/scheduler/jobs");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items.valueStream().map(j -> j.path("name").asString()).toList())
                .containsExactlyElementsOf(JOBS);
        JsonNode reminders = job(items, "lesson-reminders");
        assertThat(reminders.path("schedule").asString()).isEqualTo("every PT1M");
        assertThat(reminders.path("zone").isNull()).isTrue();
        assertThat(reminders.path("last_run").isNull()).isTrue();
        JsonNode nightly = job(items, "template-materialisation");
        assertThat(nightly.path("schedule").asString()).isEqualTo("0 30 3 * * ?");
        assertThat(nightly.path("zone").asString()).isEqualTo("Europe/Kaliningrad");
        assertThat(job(items, "balance-digest").path("zone").asString()).isEqualTo("UTC");
        items.forEach(j -> assertThat(instant(j.path("next_fire_at"))).as(j.path("name").asString()).isNotNull());
        JsonNode lastRun = job(items, "balance-digest").path("last_run");
        assertThat(lastRun.path("outcome").asString()).isEqualTo("succeeded");
        assertThat(lastRun.path("detail").asString()).contains("balance_digest.due");
        assertThat(instant(lastRun.path("started_at"))).isNotNull();
        assertThat(instant(lastRun.path("finished_at"))).isNotNull();

        String metrics = anonymous().withHeader("Accept", "text/plain").get("/metrics").body();
        assertThat(metrics).contains("scheduler_job_runs_total{").contains("outcome=\"succeeded\"")
                .containsPattern("scheduler_job_next_fire_seconds\\{[^}]*job=\"template-materialisation\"[^}]*} 1\\.")
                .containsPattern("scheduler_job_last_success_seconds\\{[^}]*job=\"balance-digest\"[^}]*} 1\\.");
    }

    @Test
    void runsArePagedNewestFirstWithTheWindowsOfReminderJobs() {
        Instant t = Instant.parse("2027-08-02T10:00:00Z");
        runAt(t, JobCatalogue.LESSON_REMINDERS);
        runAt(t.plusSeconds(60), JobCatalogue.LESSON_REMINDERS);
        runAt(t.plusSeconds(120), JobCatalogue.LESSON_REMINDERS);

        ApiClient.ApiResponse response = asService("api-gateway")
                .get("/api/v1/scheduler/jobs/lesson-reminders/runs?page=1&size=2");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("pages").asInt()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(2);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("outcome").asString()).isEqualTo("succeeded");
        assertThat(instant(newest.path("covered_from"))).isEqualTo(t.plusSeconds(60));
        assertThat(instant(newest.path("covered_until"))).isEqualTo(t.plusSeconds(120));
        assertThat(newest.path("instance_name").asString()).isEqualTo("test");
        assertThat(newest.path("sent").asInt()).isZero();

        ApiClient.ApiResponse bad = as(1, "admin").get("/api/v1/scheduler/jobs/lesson-reminders/runs?size=1000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"size\"");
    }

    @Test
    void aRunLeftRunningByAStoppedReplicaIsClosedAsFailedByTheNextRun() {
        Instant t = Instant.parse("2027-08-03T10:00:00Z");
        jdbc.update("INSERT INTO job_run (job_name, instance_name, started_at) VALUES ('balance-digest', 'gone', ?)",
                java.sql.Timestamp.from(t.minusSeconds(7200)));

        runAt(t, JobCatalogue.BALANCE_DIGEST);

        JsonNode runs = as(1, "admin").get("/api/v1/scheduler/jobs/balance-digest/runs").json().path("items");
        assertThat(runs.valueStream().map(r -> r.path("instance_name").asString() + " "
                + r.path("outcome").asString()).toList()).containsExactly("test succeeded", "gone failed");
        assertThat(runs.get(1).path("detail").asString()).contains("abandoned");
    }

    @Test
    void aTriggerAsksQuartzForOneRunNow() throws Exception {
        ApiClient.ApiResponse response = as(1, "admin").post("/api/v1/scheduler/jobs/balance-digest/trigger", null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("name").asString()).isEqualTo("balance-digest");
        List<? extends Trigger> triggers = scheduler.getTriggersOfJob(JobRegistrar.jobKey("balance-digest"));
        List<? extends Trigger> manual = triggers.stream()
                .filter(tr -> !tr.getKey().equals(JobRegistrar.triggerKey("balance-digest"))).toList();
        assertThat(manual).hasSize(1);
        // This context's scheduler is not started in tests; leave no stray run for another test's replicas.
        scheduler.unscheduleJob(manual.getFirst().getKey());
    }

    @Test
    void everyoneButAdminsAndServicesGets404AndNoTokenGets401() {
        for (String role : List.of("tutor", "student", "parent")) {
            ApiClient caller = as(newId(), role);
            assertThat(caller.get("/api/v1/scheduler/jobs").status()).as(role).isEqualTo(404);
            assertThat(caller.get("/api/v1/scheduler/jobs/lesson-reminders/runs").status()).as(role).isEqualTo(404);
            assertThat(caller.post("/api/v1/scheduler/jobs/balance-digest/trigger", null).status()).as(role)
                    .isEqualTo(404);
        }
        assertThat(anonymous().get("/api/v1/scheduler/jobs").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/v1/scheduler/jobs/balance-digest/trigger", null).status()).isEqualTo(401);
        assertThat(as(1, "admin").get("/api/v1/scheduler/jobs/no-such-job/runs").status()).isEqualTo(404);
        assertThat(as(1, "admin").post("/api/v1/scheduler/jobs/no-such-job/trigger", null).status()).isEqualTo(404);
        assertThat(asService("notification-service").get("/api/v1/scheduler/jobs").status()).isEqualTo(200);
    }

    @Test
    void theCataloguesTriggersAreStoredWithFireOnceNowForMissedFires() throws Exception {
        Trigger nightly = scheduler.getTrigger(JobRegistrar.triggerKey("template-materialisation"));
        assertThat(nightly).isInstanceOfSatisfying(CronTrigger.class, c -> {
            assertThat(c.getCronExpression()).isEqualTo("0 30 3 * * ?");
            assertThat(c.getTimeZone().getID()).isEqualTo("Europe/Kaliningrad");
            assertThat(c.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        });
        Trigger reminders = scheduler.getTrigger(JobRegistrar.triggerKey("homework-deadline-reminders"));
        assertThat(reminders).isInstanceOfSatisfying(SimpleTrigger.class, s -> {
            assertThat(s.getRepeatInterval()).isEqualTo(300_000);
            assertThat(s.getMisfireInstruction())
                    .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT);
        });
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getJobDetail(JobRegistrar.jobKey("lesson-reminders")).isConcurrentExecutionDisallowed())
                .isTrue();
    }

    @Test
    void aRestartPutsTheCatalogueBackIntoTheStore() throws Exception {
        // An older release's job, and a schedule that differs from the catalogue's.
        scheduler.addJob(org.quartz.JobBuilder.newJob(ru.repitbot.scheduler.app.CatalogueJob.class)
                .withIdentity(JobRegistrar.jobKey("weekly-summary")).storeDurably().build(), true);
        scheduler.rescheduleJob(JobRegistrar.triggerKey("monthly-reports"), org.quartz.TriggerBuilder.newTrigger()
                .withIdentity(JobRegistrar.triggerKey("monthly-reports")).forJob(JobRegistrar.jobKey("monthly-reports"))
                .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule("0 0 7 1 * ?")).build());
        java.util.Date nightlyNext = scheduler.getTrigger(JobRegistrar.triggerKey("template-materialisation"))
                .getNextFireTime();

        registrar.afterSingletonsInstantiated();

        assertThat(scheduler.checkExists(JobRegistrar.jobKey("weekly-summary"))).isFalse();
        assertThat(((CronTrigger) scheduler.getTrigger(JobRegistrar.triggerKey("monthly-reports"))).getCronExpression())
                .isEqualTo("0 0 6 1 * ?");
        // An unchanged trigger keeps its stored next fire time (so a restart still sees its misfires).
        assertThat(scheduler.getTrigger(JobRegistrar.triggerKey("template-materialisation")).getNextFireTime())
                .isEqualTo(nightlyNext);
    }

    private static JsonNode job(JsonNode items, String name) {
        return items.valueStream().filter(j -> j.path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
