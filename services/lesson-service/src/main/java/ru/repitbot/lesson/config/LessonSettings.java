package ru.repitbot.lesson.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of lesson-service ({@code repitbot.lessons.*}).
 *
 * @param materialiseWeeks how many weeks ahead a template is materialised when no {@code weeks} is given (docs/domain/schedule.md#materialisation)
 * @param defaultTimeZone the zone of a student whose zone is unknown (docs/domain/README.md#q15-time-zones)
 * @param calendar calendar feed settings
 */
@ConfigurationProperties("repitbot.lessons")
public record LessonSettings(Integer materialiseWeeks, String defaultTimeZone, Calendar calendar) {

    public LessonSettings {
        materialiseWeeks = materialiseWeeks == null ? 4 : materialiseWeeks;
        if (materialiseWeeks < 1 || materialiseWeeks > 52) {
            throw new IllegalStateException("repitbot.lessons.materialise-weeks must be between 1 and 52");
        }
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? "Europe/Kaliningrad"
                : defaultTimeZone.strip();
        try {
            ZoneId.of(defaultTimeZone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("repitbot.lessons.default-time-zone is not an IANA zone: "
                    + defaultTimeZone, e);
        }
        calendar = calendar == null ? new Calendar(null, null) : calendar;
    }

    public ZoneId defaultZone() {
        return ZoneId.of(defaultTimeZone);
    }

    /**
     * @param publicBaseUrl where calendar apps reach the API (the gateway), for the feed links handed out
     * @param pastDays how far back a feed shows lessons
     */
    public record Calendar(String publicBaseUrl, Integer pastDays) {

        public Calendar {
            publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://127.0.0.1:8000"
                    : publicBaseUrl.strip().replaceAll("/+$", "");
            pastDays = pastDays == null ? 365 : pastDays;
        }
    }
}
