package ru.repitbot.achievement.app;

import java.time.ZoneId;
import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.achievement.config.AchievementSettings;

/** A student's zone (the streak's days): their own, or the configured default while it is unknown. */
@Component
public class Zones {

    private final AccessDirectory directory;
    private final AchievementSettings settings;

    public Zones(AccessDirectory directory, AchievementSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    public ZoneId of(long studentId) {
        return directory.zoneOf(studentId).orElse(settings.zone());
    }
}
