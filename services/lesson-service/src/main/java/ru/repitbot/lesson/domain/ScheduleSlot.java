package ru.repitbot.lesson.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

/** One weekly slot of a template: a weekday, a local time, a length and an optional note (the lessons' topic). */
@Embeddable
public class ScheduleSlot {

    @Column(nullable = false)
    @Convert(converter = WeekdayConverter.class)
    private DayOfWeek weekday;

    @Column(name = "start_time", nullable = false)
    private LocalTime time;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column
    private String note;

    protected ScheduleSlot() {
    }

    public ScheduleSlot(DayOfWeek weekday, LocalTime time, int durationMinutes, String note) {
        this.weekday = weekday;
        this.time = time;
        this.durationMinutes = durationMinutes;
        this.note = note;
    }

    public DayOfWeek weekday() {
        return weekday;
    }

    public LocalTime time() {
        return time;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public String note() {
        return note;
    }

    public WeeklySlots.Slot asSlot() {
        return new WeeklySlots.Slot(weekday, time, durationMinutes, note);
    }

    /** Weekdays are stored and sent as lower-case English names: {@code monday} … {@code sunday}. */
    @jakarta.persistence.Converter
    public static class WeekdayConverter implements jakarta.persistence.AttributeConverter<DayOfWeek, String> {
        @Override
        public String convertToDatabaseColumn(DayOfWeek day) {
            return day == null ? null : day.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public DayOfWeek convertToEntityAttribute(String value) {
            return value == null ? null : DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
