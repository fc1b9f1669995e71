package ru.repitbot.achievement.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of achievement-service ({@code repitbot.achievements.*}).
 *
 * @param defaultTimeZone zone of the streak's days for a student whose own zone is unknown ({@code DEFAULT_TIME_ZONE})
 */
@ConfigurationProperties("repitbot.achievements")
public record AchievementSettings(String defaultTimeZone) {

    public AchievementSettings {
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? "Europe/Kaliningrad"
                : defaultTimeZone.strip();
        ZoneId.of(defaultTimeZone);
    }

    public ZoneId zone() {
        return ZoneId.of(defaultTimeZone);
    }
}
