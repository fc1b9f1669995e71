package ru.repitbot.scheduler.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of scheduler-service ({@code repitbot.scheduler.*}).
 *
 * @param zone the installation zone, in which the nightly and the monthly jobs fire ({@code SCHEDULER_TIME_ZONE},
 *        else {@code DEFAULT_TIME_ZONE}, else {@code Europe/Kaliningrad}; docs/domain/notifications.md#jobs)
 */
@ConfigurationProperties("repitbot.scheduler")
public record SchedulerSettings(String zone) {

    public SchedulerSettings {
        zone = zone == null || zone.isBlank() ? "Europe/Kaliningrad" : zone.strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("repitbot.scheduler.zone (SCHEDULER_TIME_ZONE) is not an IANA zone: "
                    + zone, e);
        }
    }

    public ZoneId installationZone() {
        return ZoneId.of(zone);
    }
}
