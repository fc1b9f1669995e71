package ru.repitbot.lesson.app;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.repitbot.lesson.config.LessonSettings;
import ru.repitbot.access.AccessDirectory;

/** The zone a student's lessons are read and shown in: their own (from user events), else the installation's. */
@Component
public class Zones {

    private final AccessDirectory directory;
    private final LessonSettings settings;

    public Zones(AccessDirectory directory, LessonSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    public ZoneId of(long userId) {
        return directory.zoneOf(userId).orElse(settings.defaultZone());
    }

    /** Zones of several students at once; every id given is in the answer. */
    public Map<Long, ZoneId> of(Collection<Long> userIds) {
        Map<Long, ZoneId> known = directory.zonesOf(userIds);
        return userIds.stream().distinct().collect(Collectors.toMap(id -> id,
                id -> known.getOrDefault(id, settings.defaultZone())));
    }

    public ZoneId installationDefault() {
        return settings.defaultZone();
    }
}
