package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user's role. Admins create tutors; tutors create students and parents. */
public enum Role implements WireEnum {
    ADMIN("admin"),
    TUTOR("tutor"),
    STUDENT("student"),
    PARENT("parent");

    private final String value;

    Role(String value) {
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
    public static Role fromValue(String raw) {
        return WireValues.parse(Role.class, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
