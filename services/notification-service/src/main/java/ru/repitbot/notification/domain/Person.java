package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Someone notification-service may tell something: their IANA zone (default the tutor's,
 * docs/domain/README.md#q15-time-zones), their language (docs/domain/README.md#language: Russian unless chosen
 * otherwise) and their switches.
 */
public record Person(long userId, ZoneId zone, Locale language, Preferences preferences) {

    public Person {
        if (zone == null || language == null || preferences == null) {
            throw new IllegalArgumentException("a person needs a zone, a language and preferences");
        }
    }

    /** The instant a message of {@code kind} may go out to this person. */
    public Instant deliverAt(Instant now, NoticeKind kind) {
        return preferences.deliverAt(now, kind, zone);
    }
}
