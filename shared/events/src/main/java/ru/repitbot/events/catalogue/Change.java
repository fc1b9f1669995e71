package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One changed field of an {@code *.updated} event, on the wire {@code {"old": …, "new": …}}. Typed by the field's
 * own type, so a consumer reads {@code changes.date().newValue()} as an {@code OffsetDateTime}, never parses a string.
 * Either value may be {@code null} (a field set or cleared).
 */
public record Change<T>(@JsonProperty("old") T oldValue, @JsonProperty("new") T newValue) {

    public static <T> Change<T> of(T oldValue, T newValue) {
        return new Change<>(oldValue, newValue);
    }
}
