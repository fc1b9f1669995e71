package ru.repitbot.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import ru.repitbot.scheduler.domain.JobSchedule.Cron;
import ru.repitbot.scheduler.domain.JobSchedule.Every;
import ru.repitbot.scheduler.domain.MissedRunPolicy.Verdict;
import ru.repitbot.scheduler.domain.ScheduledJob.MissedRun;

class JobCatalogueTest {

    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");
    private static final JobCatalogue CATALOGUE = new JobCatalogue(KALININGRAD);

    private static CronExpression quartz(Cron cron) throws ParseException {
        CronExpression expression = new CronExpression(cron.expression());
        expression.setTimeZone(TimeZone.getTimeZone(cron.zone()));
        return expression;
    }

    @Test
    void theJobsOfIssueElevenWithUniqueNames() {
        assertThat(CATALOGUE.jobs()).extracting(ScheduledJob::name).containsExactly(JobCatalogue.LESSON_REMINDERS,
                JobCatalogue.HOMEWORK_DEADLINE_REMINDERS, JobCatalogue.BALANCE_DIGEST,
                JobCatalogue.TEMPLATE_MATERIALISATION, JobCatalogue.MONTHLY_REPORTS).doesNotHaveDuplicates();
        assertThat(CATALOGUE.job(JobCatalogue.LESSON_REMINDERS).orElseThrow().schedule())
                .isInstanceOf(Every.class);
        assertThat(CATALOGUE.job("nope")).isEmpty();
        assertThatThrownBy(() -> new JobCatalogue(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCronIsOneQuartzReads() throws ParseException {
        for (ScheduledJob job : CATALOGUE.jobs()) {
            if (job.schedule() instanceof Cron cron) {
                assertThat(CronExpression.isValidExpression(cron.expression())).as(job.name()).isTrue();
                assertThat(quartz(cron).getNextValidTimeAfter(new Date())).as(job.name()).isNotNull();
            }
        }
    }

    @Test
    void theDigestJobFiresEveryQuarterHourSoEveryZonesTenOClockIsHit() throws ParseException {
        Cron cron = (Cron) CATALOGUE.job(JobCatalogue.BALANCE_DIGEST).orElseThrow().schedule();
        CronExpression expression = quartz(cron);
        for (String zone : List.of("Europe/Kaliningrad", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns")) {
            Instant tenLocal = LocalDateTime.of(LocalDate.parse("2026-12-07"), LocalTime.of(10, 0))
                    .atZone(ZoneId.of(zone)).toInstant();
            assertThat(expression.isSatisfiedBy(Date.from(tenLocal))).as(zone).isTrue();
        }
    }

    @Test
    void nightlyAndMonthlyJobsFireOnceADayAtAWallTimeThatExistsOnceAlsoWithDaylightSaving() throws ParseException {
        for (String zoneName : List.of("Europe/Kaliningrad", "Europe/Berlin", "America/New_York")) {
            ZoneId zone = ZoneId.of(zoneName);
            JobCatalogue catalogue = new JobCatalogue(zone);
            Cron nightly = (Cron) catalogue.job(JobCatalogue.TEMPLATE_MATERIALISATION).orElseThrow().schedule();
            CronExpression expression = quartz(nightly);
            Date fire = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
            LocalDate previous = null;
            for (int i = 0; i < 365; i++) {
                fire = expression.getNextValidTimeAfter(fire);
                LocalDateTime local = LocalDateTime.ofInstant(fire.toInstant(), zone);
                assertThat(local.toLocalTime()).as("%s %s", zoneName, local).isEqualTo(LocalTime.of(3, 30));
                assertThat(zone.getRules().getValidOffsets(local)).as("%s %s", zoneName, local).hasSize(1);
                if (previous != null) {
                    assertThat(local.toLocalDate()).isEqualTo(previous.plusDays(1));
                }
                previous = local.toLocalDate();
            }
        }
    }

    @Test
    void missedRunsBecomeOneRunAndAMonthlyRunWhoseMonthIsOverIsSkipped() {
        ScheduledJob reminders = CATALOGUE.job(JobCatalogue.LESSON_REMINDERS).orElseThrow();
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        List<Instant> missed = List.of(now.minusSeconds(180), now.minusSeconds(120), now.minusSeconds(60));
        assertThat(MissedRunPolicy.decide(reminders, missed, now, KALININGRAD))
                .isEqualTo(new Verdict.RunNow(now.minusSeconds(180), 3));
        assertThat(MissedRunPolicy.decide(reminders, List.of(), now, KALININGRAD)).isInstanceOf(Verdict.Skip.class);

        ScheduledJob monthly = CATALOGUE.job(JobCatalogue.MONTHLY_REPORTS).orElseThrow();
        assertThat(monthly.onMissed()).isEqualTo(MissedRun.RUN_IF_SAME_MONTH);
        Instant firstOfDecember = LocalDateTime.parse("2026-12-01T06:00").atZone(KALININGRAD).toInstant();
        assertThat(MissedRunPolicy.decide(monthly, List.of(firstOfDecember), now, KALININGRAD))
                .isInstanceOf(Verdict.RunNow.class);
        Instant firstOfNovember = LocalDateTime.parse("2026-11-01T06:00").atZone(KALININGRAD).toInstant();
        assertThat(MissedRunPolicy.decide(monthly, List.of(firstOfNovember), now, KALININGRAD))
                .isInstanceOf(Verdict.Skip.class);
    }
}
