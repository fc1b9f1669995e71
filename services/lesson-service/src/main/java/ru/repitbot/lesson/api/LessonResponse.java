package ru.repitbot.lesson.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.lesson.events.LessonEventPublisher;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/** A lesson as the API shows it; times are in the student's time zone ({@code time_zone}), with the offset. */
public record LessonResponse(
        long id,
        long tutorId,
        long studentId,
        String topic,
        @Schema(description = "Start with offset; null only for an undated make-up lesson")
        OffsetDateTime startAt,
        OffsetDateTime endAt,
        @Schema(description = "When the lesson got its current start: its creation, its last reschedule or the last "
                + "edit of start_at; null only for an undated make-up lesson")
        OffsetDateTime startSetAt,
        int durationMinutes,
        @Schema(description = "The student's IANA zone the times are shown in") String timeZone,
        String skillsDeveloped,
        TopicMastery masteryLevel,
        String masteryComment,
        AttendanceStatus attendanceStatus,
        @Schema(description = "The attendance status again, under the name the list filter status= matches "
                + "(scheduled: not yet marked)")
        AttendanceStatus status,
        LessonStatus lessonStatus,
        @Schema(description = "Whether the lesson counts against the prepaid balance (attended, unexcused_absence)")
        boolean charged,
        OffsetDateTime originalStartAt,
        boolean isRescheduled,
        @Schema(description = "Created to make up for a cancelled lesson (отработка): it holds the topic that fell "
                + "off the end of a topic shift. Stays true once it is given a date; an undated make-up has "
                + "start_at null and cannot be marked until it is given one")
        boolean isMakeup,
        @Schema(description = "Set on a cancelled lesson whose topic (with its homework) moved on: the lesson that "
                + "now holds it")
        Long topicMovedToLessonId,
        String cancellationReason,
        String rescheduleReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public static LessonResponse of(Lesson l, ZoneId zone) {
        return new LessonResponse(l.id(), l.tutorId(), l.studentId(), l.topic(),
                LessonEventPublisher.at(l.startAt(), zone), LessonEventPublisher.at(l.endAt(), zone),
                LessonEventPublisher.at(l.startSetAt(), zone), l.durationMinutes(), zone.getId(), l.skillsDeveloped(), l.masteryLevel(), l.masteryComment(),
                l.attendanceStatus(), l.attendanceStatus(), l.lessonStatus(), l.charged(),
                LessonEventPublisher.at(l.originalStartAt(), zone), l.isRescheduled(), l.isMakeup(),
                l.topicMovedTo(), l.cancellationReason(), l.rescheduleReason(), LessonEventPublisher.at(l.createdAt(), zone),
                LessonEventPublisher.at(l.updatedAt(), zone), l.version());
    }
}
