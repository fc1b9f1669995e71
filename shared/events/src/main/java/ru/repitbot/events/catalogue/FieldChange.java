package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One changed field of an {@code *.updated} event, on the wire {@code {"old": …, "new": …}}. Values are wire
 * values: strings, numbers, booleans or {@code null}; {@link #of} turns enums into their lower-case value and
 * date-times into ISO-8601 strings, so a consumer sees exactly what a REST client would.
 */
public record FieldChange(@JsonProperty("old") Object oldValue, @JsonProperty("new") Object newValue) {

    /** A change with both values converted to wire values. */
    public static FieldChange of(Object oldValue, Object newValue) {
        return new FieldChange(wire(oldValue), wire(newValue));
    }

    private static Object wire(Object value) {
        if (value instanceof Enum<?> e) {
            // The wire enums of ru.repitbot.models print their lower-case value.
            return e.toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        return value;
    }
}
