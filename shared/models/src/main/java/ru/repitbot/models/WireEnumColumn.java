package ru.repitbot.models;

import jakarta.persistence.AttributeConverter;

/**
 * A wire enum stored as its wire value, the spelling of the API and the events. A service declares one
 * {@code @Converter(autoApply = true)} subclass per enum it stores (JPA needs a concrete class in the service's
 * scanned packages): {@code class AttendanceColumn extends WireEnumColumn<AttendanceStatus>}.
 */
public abstract class WireEnumColumn<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.value();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : WireValues.parse(type, value);
    }
}
