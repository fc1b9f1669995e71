package ru.repitbot.homework.app;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.repitbot.access.AccessDirectory;

/**
 * A student's time zone (docs/domain/README.md#q15-time-zones; deadlines are read and shown in it): their own from the access projection,
 * else the installation default (also for a zone that is unknown or broken).
 */
@Component
public class StudentZones {

    private final AccessDirectory directory;
    private final ZoneId defaultZone;

    public StudentZones(AccessDirectory directory, ZoneId defaultZone) {
        this.directory = directory;
        this.defaultZone = defaultZone;
    }

    public ZoneId of(long studentId) {
        return directory.zoneOf(studentId).orElse(defaultZone);
    }

    /** The installation's zone: how a bound is read when no student is named. */
    public ZoneId installationDefault() {
        return defaultZone;
    }

    /** Zones of several students at once; every id given is in the answer. */
    public Map<Long, ZoneId> of(Collection<Long> studentIds) {
        Map<Long, ZoneId> known = directory.zonesOf(studentIds);
        return studentIds.stream().distinct().collect(Collectors.toMap(id -> id,
                id -> known.getOrDefault(id, defaultZone)));
    }
}
