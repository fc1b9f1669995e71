package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Attendance of a lesson. Which statuses cost a lesson is {@link #charged()}, the one statement of that rule for
 * lesson-service and payment-service alike (docs/architecture/conventions.md, "One of each").
 */
public enum AttendanceStatus implements WireEnum {
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
        return WireValues.parse(AttendanceStatus.class, raw);
    }

    /**
     * Whether a lesson with this attendance takes one lesson off the prepaid balance
     * (docs/domain/payments.md#charging): {@code attended} and {@code unexcused_absence}; {@code scheduled}, {@code excused_absence}
     * and {@code rescheduled} are free. An undated make-up lesson is free whatever its status ({@link
     * LessonCharging}).
     */
    public boolean charged() {
        return this == ATTENDED || this == UNEXCUSED_ABSENCE;
    }

    @Override
    public String toString() {
        return value;
    }
}
