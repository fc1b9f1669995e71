package ru.repitbot.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a payment was made; online providers are out of scope. */
public enum PaymentMethod implements WireEnum {
    CASH("cash"),
    CARD("card"),
    TRANSFER("transfer");

    private final String value;

    PaymentMethod(String value) {
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
    public static PaymentMethod fromValue(String raw) {
        return WireValues.parse(PaymentMethod.class, raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
