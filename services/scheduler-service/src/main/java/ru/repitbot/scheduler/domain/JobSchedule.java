package ru.repitbot.scheduler.domain;

import java.time.Duration;
import java.time.ZoneId;

/** When a job fires: a Quartz cron expression read in a zone, or a fixed period. */
public sealed interface JobSchedule {

    /** A Quartz cron expression (seconds first, {@code ?} for the unused day field) read in {@code zone}. */
    record Cron(String expression, ZoneId zone) implements JobSchedule {
    }

    /** Every {@code period}, zone-free: the job's own window decides what it covers. */
    record Every(Duration period) implements JobSchedule {
    }
}
