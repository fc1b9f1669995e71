package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Homework lifecycle: pending, submitted (waiting for the tutor), checked (accepted). */
public enum HomeworkStatus implements WireEnum {
    PENDING("pending"),
    SUBMITTED("submitted"),
    CHECKED("checked");

    private final String value;

    HomeworkStatus(String value) {
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
    public static HomeworkStatus fromValue(String raw) {
        return WireValues.parse(HomeworkStatus.class, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
