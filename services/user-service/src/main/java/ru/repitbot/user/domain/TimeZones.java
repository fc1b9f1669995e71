package ru.repitbot.user.domain;

import java.time.ZoneId;
import java.util.Optional;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * IANA time zones of users (docs/domain/README.md#q15-time-zones): a requested zone must be a region id {@link ZoneId} knows
 * ({@code Europe/Moscow}, not {@code +03:00}); without one a user gets the zone of the tutor who creates them, else the
 * installation's default.
 */
public final class TimeZones {

    private final String installationDefault;

    public TimeZones(String installationDefault) {
        this.installationDefault = validate("default_time_zone", installationDefault);
    }

    public String installationDefault() {
        return installationDefault;
    }

    /**
     * @param requested what the request asked for (may be null)
     * @param inherited the creating or owning tutor's zone (may be null)
     */
    public String resolve(String requested, String inherited) {
        if (requested != null) {
            return validate("time_zone", requested);
        }
        return inherited != null ? inherited : installationDefault;
    }

    /** @throws InvalidFieldException naming {@code field} when {@code zone} is not an IANA region id */
    public static String validate(String field, String zone) {
        return parse(zone).orElseThrow(() -> new InvalidFieldException(field,
                "must be an IANA time zone such as Europe/Moscow"));
    }

    static Optional<String> parse(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        String trimmed = zone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(trimmed).getId());
    }
}
