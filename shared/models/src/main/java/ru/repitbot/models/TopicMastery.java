package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How well the lesson's topic was learned. */
public enum TopicMastery implements WireEnum {
    NOT_LEARNED("not_learned"),
    LEARNED("learned"),
    MASTERED("mastered");

    private final String value;

    TopicMastery(String value) {
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
    public static TopicMastery fromValue(String raw) {
        return WireValues.parse(TopicMastery.class, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
