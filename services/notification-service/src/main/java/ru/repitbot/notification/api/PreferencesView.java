package ru.repitbot.notification.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A person's notification settings as the API shows them (docs/domain/notifications.md#switches-and-their-defaults). */
public record PreferencesView(
        long userId,
        @Schema(description = "ru or en: the language of the texts they receive") String language,
        @Schema(description = "Their IANA zone from their profile (read-only here; changed through user-service), "
                + "the installation zone when they have none") String timeZone,
        @Schema(description = "Quiet hours on their own clock; null = none", nullable = true) QuietHoursView quietHours,
        List<KindView> kinds) {

    /** One switch. A tutor's lesson_report switch means: reports to my students' parents. */
    public record KindView(
            String kind,
            @Schema(description = "false for message and account_link: always on") boolean switchable,
            boolean enabled,
            @Schema(description = "Urgent notices pass through quiet hours") boolean urgent,
            boolean defaultEnabled,
            boolean defaultUrgent) {
    }
}
