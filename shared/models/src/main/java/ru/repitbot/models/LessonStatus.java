package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Conducted or not; kept for compatibility and shown, drives nothing (docs/domain/lessons.md#q4-what-lessonconducted-means). */
public enum LessonStatus implements WireEnum {
    NOT_CONDUCTED("not_conducted"),
    CONDUCTED("conducted");

    private final String value;

    LessonStatus(String value) {
        this.value = value;
    }

    /** The lower-case value used on the wire, in callback data and in every API. */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Accepts the wire value or the monolith's stored enum name in either case ({@code ATTENDED}, {@code attended}).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    @JsonCreator
    public static LessonStatus fromValue(String raw) {
        return WireValues.parse(LessonStatus.class, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
