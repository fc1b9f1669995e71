package ru.repitbot.lesson.domain;

import jakarta.persistence.Converter;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;
import ru.repitbot.models.WireEnumColumn;

/** The wire enums lesson-service stores, as their wire values ({@link WireEnumColumn}, the one mechanism). */
public final class WireEnumConverters {

    private WireEnumConverters() {
    }

    @Converter(autoApply = true)
    public static class Attendance extends WireEnumColumn<AttendanceStatus> {
        public Attendance() {
            super(AttendanceStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static class Conduct extends WireEnumColumn<LessonStatus> {
        public Conduct() {
            super(LessonStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static class Mastery extends WireEnumColumn<TopicMastery> {
        public Mastery() {
            super(TopicMastery.class);
        }
    }
}
