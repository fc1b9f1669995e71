package ru.repitbot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.scheduler.app.JobRuns;
import ru.repitbot.scheduler.domain.JobCatalogue;

/** The digest trigger, the nightly materialisation and the monthly trigger. docs/domain/notifications.md#jobs */
class OtherJobsIntegrationTest extends SchedulerIntegrationTest {

    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    void theDigestJobPublishesBalanceDigestDueAtItsRun() {
        Instant at = Instant.parse("2027-09-01T07:15:00Z");
        runAt(at, JobCatalogue.BALANCE_DIGEST);

        assertThat(outbox("balance_digest.due")).map(EventEnvelope::data)
                .anySatisfy(d -> assertThat(instant(d.path("at"))).isEqualTo(at));
    }

    @Test
    void theNightlyJobAsksLessonServiceToMaterialiseWithTheServiceToken() {
        JobRuns.Finished finished = runAt(Instant.parse("2027-09-02T01:30:00Z"), JobCatalogue.TEMPLATE_MATERIALISATION);

        assertThat(finished.outcome().outcome()).isEqualTo("succeeded");
        assertThat(OWNERS.requests()).containsExactly("POST /api/v1/schedules/materialise");
        assertThat(OWNERS.authorizations()).singleElement().satisfies(a -> assertThat(a).startsWith("Bearer "));

        OWNERS.down(true);
        assertThat(runAt(Instant.parse("2027-09-03T01:30:00Z"), JobCatalogue.TEMPLATE_MATERIALISATION).outcome()
                .outcome()).isEqualTo("failed");
    }

    @Test
    void theMonthlyJobSaysWhichMonthEndedAndSkipsAMissedRunOnceTheMonthIsOver() {
        Instant fire = LocalDateTime.parse("2027-10-01T06:00").atZone(KALININGRAD).toInstant();
        clock.set(fire);
        jobs.run(JobCatalogue.MONTHLY_REPORTS, fire, "test");
        // Down from the 1st until the 3rd: still October, so it runs late.
        Instant late = LocalDateTime.parse("2027-11-01T06:00").atZone(KALININGRAD).toInstant();
        clock.set(LocalDateTime.parse("2027-11-03T12:00").atZone(KALININGRAD).toInstant());
        jobs.run(JobCatalogue.MONTHLY_REPORTS, late, "test");
        // Down over the whole of December: the run of the 1st is not made in January.
        Instant missed = LocalDateTime.parse("2027-12-01T06:00").atZone(KALININGRAD).toInstant();
        clock.set(LocalDateTime.parse("2028-01-02T09:00").atZone(KALININGRAD).toInstant());
        JobRuns.Finished skipped = jobs.run(JobCatalogue.MONTHLY_REPORTS, missed, "test");

        assertThat(skipped.outcome().outcome()).isEqualTo("skipped");
        assertThat(outbox("month.ended")).map(EventEnvelope::data)
                .filteredOn(d -> d.path("month").asString().compareTo("2027-09") >= 0)
                .filteredOn(d -> d.path("month").asString().compareTo("2027-12") <= 0)
                .extracting(d -> d.path("month").asString() + " " + d.path("zone").asString())
                .containsExactly("2027-09 Europe/Kaliningrad", "2027-10 Europe/Kaliningrad");
    }
}
