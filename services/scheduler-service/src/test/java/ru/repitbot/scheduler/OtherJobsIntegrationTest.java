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
    void theMonthlyJobSaysWhichMonthEndedAndSkipsAMonthWhoseRunWasMissedUntilItWasOver() {
        Instant fire = LocalDateTime.parse("2027-10-01T06:00").atZone(KALININGRAD).toInstant();
        runAt(fire, JobCatalogue.MONTHLY_REPORTS);
        // Down from the 1st until the 3rd: still November, so the run of the 1st comes late.
        runAt(LocalDateTime.parse("2027-11-03T12:00").atZone(KALININGRAD).toInstant(), JobCatalogue.MONTHLY_REPORTS);
        // Down from 30 November until 2 January: December's run is not made; January's (late) says December ended.
        runAt(LocalDateTime.parse("2028-01-02T09:00").atZone(KALININGRAD).toInstant(), JobCatalogue.MONTHLY_REPORTS);
        // Started by hand before 06:00 on the 1st: the latest fire is last month's, whose month is over.
        JobRuns.Finished early = runAt(LocalDateTime.parse("2028-02-01T05:00").atZone(KALININGRAD).toInstant(),
                JobCatalogue.MONTHLY_REPORTS);

        assertThat(early.outcome().outcome()).isEqualTo("skipped");
        assertThat(outbox("month.ended")).map(EventEnvelope::data)
                .filteredOn(d -> d.path("month").asString().compareTo("2027-09") >= 0)
                .filteredOn(d -> d.path("month").asString().compareTo("2028-01") <= 0)
                .extracting(d -> d.path("month").asString() + " " + d.path("zone").asString())
                .containsExactly("2027-09 Europe/Kaliningrad", "2027-10 Europe/Kaliningrad",
                        "2027-12 Europe/Kaliningrad");
    }
}
