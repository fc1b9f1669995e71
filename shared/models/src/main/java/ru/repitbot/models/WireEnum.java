package ru.repitbot.models;

/**
 * An enum that travels as a lower-case wire value ({@code attended}, {@code tutor}): in JSON (its {@code @JsonValue}
 * {@link #value()} and a {@code @JsonCreator fromValue} that calls {@link WireValues#parse(Class, String)}), in query
 * parameters (shared/config converts every {@code WireEnum} parameter by its value) and in database columns
 * ({@link WireEnumColumn}). One mechanism for every wire enum (docs/architecture/conventions.md, "One of each").
 */
public interface WireEnum {

    /** The lower-case value used on the wire, in callback data, in every API and in the database. */
    String value();
}
