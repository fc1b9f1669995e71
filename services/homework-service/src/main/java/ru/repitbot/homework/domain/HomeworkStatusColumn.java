package ru.repitbot.homework.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import ru.repitbot.models.HomeworkStatus;

/** The status is stored as its wire value ({@code pending}, {@code submitted}, {@code checked}). */
@Converter(autoApply = true)
public class HomeworkStatusColumn implements AttributeConverter<HomeworkStatus, String> {

    @Override
    public String convertToDatabaseColumn(HomeworkStatus value) {
        return value == null ? null : value.value();
    }

    @Override
    public HomeworkStatus convertToEntityAttribute(String value) {
        return value == null ? null : HomeworkStatus.fromValue(value);
    }
}
