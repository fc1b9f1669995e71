package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Objects;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/**
 * The changed fields of a lesson ({@code lesson.updated}'s {@code changes}): one {@link Change} per field,
 * {@code null} when that field did not change. Only changed fields are on the wire
 * ({@code {"attendance_status": {"old": "scheduled", "new": "attended"}}}), as consumers have always read them.
 * Dates carry the student's offset.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonChanges(
        Change<AttendanceStatus> attendanceStatus,
        Change<LessonStatus> lessonStatus,
        Change<TopicMastery> masteryLevel,
        Change<String> masteryComment,
        Change<OffsetDateTime> date,
        Change<String> topic,
        Change<String> skillsDeveloped,
        Change<Integer> durationMinutes,
        Change<Boolean> isMakeup) {

    public static final LessonChanges NONE = new LessonChanges(null, null, null, null, null, null, null, null, null);

    /** Whether nothing changed: nothing is published then. Not a wire field. */
    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** This set plus {@code other}'s changes (a field changed in both keeps this one's old and other's new value). */
    public LessonChanges and(LessonChanges other) {
        return new LessonChanges(merge(attendanceStatus, other.attendanceStatus),
                merge(lessonStatus, other.lessonStatus), merge(masteryLevel, other.masteryLevel),
                merge(masteryComment, other.masteryComment), merge(date, other.date), merge(topic, other.topic),
                merge(skillsDeveloped, other.skillsDeveloped), merge(durationMinutes, other.durationMinutes),
                merge(isMakeup, other.isMakeup));
    }

    public LessonChanges withAttendanceStatus(AttendanceStatus from, AttendanceStatus to) {
        return and(new LessonChanges(changed(from, to), null, null, null, null, null, null, null, null));
    }

    public LessonChanges withLessonStatus(LessonStatus from, LessonStatus to) {
        return and(new LessonChanges(null, changed(from, to), null, null, null, null, null, null, null));
    }

    public LessonChanges withMasteryLevel(TopicMastery from, TopicMastery to) {
        return and(new LessonChanges(null, null, changed(from, to), null, null, null, null, null, null));
    }

    public LessonChanges withMasteryComment(String from, String to) {
        return and(new LessonChanges(null, null, null, changed(from, to), null, null, null, null, null));
    }

    public LessonChanges withDate(OffsetDateTime from, OffsetDateTime to) {
        return and(new LessonChanges(null, null, null, null, changed(from, to), null, null, null, null));
    }

    public LessonChanges withTopic(String from, String to) {
        return and(new LessonChanges(null, null, null, null, null, changed(from, to), null, null, null));
    }

    public LessonChanges withSkillsDeveloped(String from, String to) {
        return and(new LessonChanges(null, null, null, null, null, null, changed(from, to), null, null));
    }

    public LessonChanges withDurationMinutes(int from, int to) {
        return and(new LessonChanges(null, null, null, null, null, null, null, changed(from, to), null));
    }

    public LessonChanges withIsMakeup(boolean from, boolean to) {
        return and(new LessonChanges(null, null, null, null, null, null, null, null, changed(from, to)));
    }

    /** A change only when the value really differs: an update to the same value is not news. */
    private static <T> Change<T> changed(T from, T to) {
        if (from instanceof OffsetDateTime a && to instanceof OffsetDateTime b) {
            return a.isEqual(b) ? null : Change.of(from, to);
        }
        return Objects.equals(from, to) ? null : Change.of(from, to);
    }

    private static <T> Change<T> merge(Change<T> first, Change<T> second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return changed(first.oldValue(), second.newValue());
    }
}
