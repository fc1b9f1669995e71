package ru.repitbot.scheduler.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.repitbot.models.PageQuery;

/**
 * {@code job_run}: one row per run of a job, written when it starts ({@code running}) and finished with its outcome.
 * For the reminder jobs, {@code covered_from}/{@code covered_until} is the window the run covered; the next run
 * starts where the last succeeded one stopped (docs/domain/notifications.md#reminders).
 */
@Repository
public class JobRunLog {

    /** One recorded run. */
    public record Run(long id, String jobName, String instanceName, Instant scheduledFor, Instant startedAt,
            Instant finishedAt, String outcome, Instant coveredFrom, Instant coveredUntil, boolean late, int sent,
            int dropped, String detail) {
    }

    /** What a finished run did, written with its outcome. */
    public record Outcome(String outcome, String detail, Instant coveredFrom, Instant coveredUntil, boolean late,
            int sent, int dropped) {

        public static Outcome succeeded(String detail) {
            return new Outcome("succeeded", detail, null, null, false, 0, 0);
        }

        public static Outcome skipped(String detail) {
            return new Outcome("skipped", detail, null, null, false, 0, 0);
        }

        public static Outcome failed(String detail) {
            return new Outcome("failed", detail, null, null, false, 0, 0);
        }
    }

    private static final RowMapper<Run> RUN = JobRunLog::run;

    private final JdbcTemplate jdbc;

    public JobRunLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that a run started; returns its id. */
    public long started(String jobName, String instanceName, Instant scheduledFor, Instant startedAt) {
        Long id = jdbc.queryForObject("INSERT INTO job_run (job_name, instance_name, scheduled_for, started_at) "
                + "VALUES (?, ?, ?, ?) RETURNING id", Long.class, jobName, instanceName, ts(scheduledFor),
                ts(startedAt));
        return id;
    }

    public void finished(long runId, Instant finishedAt, Outcome outcome) {
        jdbc.update("UPDATE job_run SET finished_at = ?, outcome = ?, detail = ?, covered_from = ?, covered_until = ?, "
                + "late = ?, sent = ?, dropped = ? WHERE id = ?", ts(finishedAt), outcome.outcome(),
                truncate(outcome.detail()), ts(outcome.coveredFrom()), ts(outcome.coveredUntil()), outcome.late(),
                outcome.sent(), outcome.dropped(), runId);
    }

    /**
     * Serialises the runs of one job across replicas until the caller's transaction ends: a second run reads the
     * window the first one recorded. Quartz already keeps one job from running twice at once
     * ({@code @DisallowConcurrentExecution}, clustered); this also covers runs started by hand.
     */
    public void lockJob(String jobName) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?)::bigint)", Object.class,
                "scheduler-service:job:" + jobName);
    }

    /**
     * Closes the runs of a job left {@code running} by a replica that stopped mid-run (killed, lost its database):
     * called under {@link #lockJob}, where no other run of the job can be in progress, for rows started before
     * {@code startedBefore} (a run that has just started and waits for the lock is not one of them).
     */
    public int abandonStale(String jobName, long currentRunId, Instant startedBefore, Instant now) {
        return jdbc.update("UPDATE job_run SET outcome = 'failed', finished_at = ?, detail = 'abandoned: its replica "
                + "stopped before the run finished' WHERE job_name = ? AND outcome = 'running' AND id <> ? "
                + "AND started_at < ?", ts(now), jobName, currentRunId, ts(startedBefore));
    }

    /** Where the last succeeded run of a reminder job stopped, or empty before its first run. */
    public Optional<Instant> coveredUntil(String jobName) {
        Timestamp until = jdbc.queryForObject("SELECT max(covered_until) FROM job_run WHERE job_name = ? "
                + "AND outcome = 'succeeded'", Timestamp.class, jobName);
        return Optional.ofNullable(until).map(Timestamp::toInstant);
    }

    /** The latest finished run of a job. */
    public Optional<Run> lastFinished(String jobName) {
        return jdbc.query("SELECT * FROM job_run WHERE job_name = ? AND finished_at IS NOT NULL "
                + "ORDER BY started_at DESC, id DESC LIMIT 1", RUN, jobName).stream().findFirst();
    }

    /** When a job last succeeded (for the metrics), or empty. */
    public Optional<Instant> lastSuccess(String jobName) {
        Timestamp at = jdbc.queryForObject("SELECT max(finished_at) FROM job_run WHERE job_name = ? "
                + "AND outcome = 'succeeded'", Timestamp.class, jobName);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    public List<Run> page(String jobName, PageQuery page) {
        return jdbc.query("SELECT * FROM job_run WHERE job_name = ? ORDER BY started_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", RUN, jobName, page.size(), page.offset());
    }

    public long count(String jobName) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM job_run WHERE job_name = ?", Long.class, jobName);
        return n == null ? 0 : n;
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("job_name"), rs.getString("instance_name"),
                instant(rs, "scheduled_for"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("outcome"), instant(rs, "covered_from"), instant(rs, "covered_until"),
                rs.getBoolean("late"), rs.getInt("sent"), rs.getInt("dropped"), rs.getString("detail"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000) + "…";
    }
}
