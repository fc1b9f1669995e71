package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Attendance of a lesson. Charged: attended, unexcused_absence (docs/domain/lessons.md#attendance-and-charges). */
public enum AttendanceStatus {
    SCHEDULED("scheduled"),
    ATTENDED("attended"),
    EXCUSED_ABSENCE("excused_absence"),
    UNEXCUSED_ABSENCE("unexcused_absence"),
    RESCHEDULED("rescheduled");

    private final String value;

    AttendanceStatus(String value) {
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
    public static AttendanceStatus fromValue(String raw) {
        return WireValues.parse(values(), AttendanceStatus::value, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
