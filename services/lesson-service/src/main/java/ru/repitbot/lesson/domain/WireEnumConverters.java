package ru.repitbot.lesson.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** The wire enums are stored as their lower-case wire values, the same spelling as in the API and events. */
public final class WireEnumConverters {

    private WireEnumConverters() {
    }

    @Converter(autoApply = true)
    public static class Attendance implements AttributeConverter<AttendanceStatus, String> {
        @Override
        public String convertToDatabaseColumn(AttendanceStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public AttendanceStatus convertToEntityAttribute(String value) {
            return value == null ? null : AttendanceStatus.fromValue(value);
        }
    }

    @Converter(autoApply = true)
    public static class Conduct implements AttributeConverter<LessonStatus, String> {
        @Override
        public String convertToDatabaseColumn(LessonStatus value) {
            return value == null ? null : value.value();
        }

        @Override
        public LessonStatus convertToEntityAttribute(String value) {
            return value == null ? null : LessonStatus.fromValue(value);
        }
    }

    @Converter(autoApply = true)
    public static class Mastery implements AttributeConverter<TopicMastery, String> {
        @Override
        public String convertToDatabaseColumn(TopicMastery value) {
            return value == null ? null : value.value();
        }

        @Override
        public TopicMastery convertToEntityAttribute(String value) {
            return value == null ? null : TopicMastery.fromValue(value);
        }
    }
}
