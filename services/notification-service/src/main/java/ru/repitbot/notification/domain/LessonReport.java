package ru.repitbot.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;

/**
 * The short report a parent gets after a lesson is marked (issue 11): date and time on the parent's clock, topic,
 * attendance, mastery with the tutor's comment, homework given. A structured value: bundle keys and arguments,
 * rendered in the parent's language. docs/domain/notifications.md#after-lesson-report
 */
public record LessonReport(long lessonId, long parentId, List<MessageText> lines) {

    /**
     * The report goes out this long after attendance was marked, composed from the lesson as it is then: tutors
     * mark attendance first and then set mastery, comment and homework, which a report sent at once would miss.
     */
    public static final Duration SETTLE_TIME = Duration.ofMinutes(30);

    /** Longer homework descriptions are cut: the report is a summary, the homework card has the rest. */
    static final int HOMEWORK_PREVIEW = 200;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Set<AttendanceStatus> REPORTED = Set.of(AttendanceStatus.ATTENDED,
            AttendanceStatus.UNEXCUSED_ABSENCE);

    public LessonReport {
        lines = List.copyOf(lines);
    }

    /** The lesson as it is when the report is composed; {@code mastery} and {@code masteryComment} may be null. */
    public record LessonFacts(long lessonId, String studentName, String tutorName, Instant start, String topic,
            AttendanceStatus attendance, TopicMastery mastery, String masteryComment, List<HomeworkGiven> homework) {

        public LessonFacts {
            homework = List.copyOf(homework);
        }
    }

    /** A homework of the lesson; {@code deadline} may be null. */
    public record HomeworkGiven(String description, Instant deadline) {
    }

    /**
     * Reported: a lesson that took place, and a no-show that is charged (unexcused). Excused absences and
     * reschedules were told as cancellations already.
     */
    public static boolean isReported(AttendanceStatus attendance) {
        return REPORTED.contains(attendance);
    }

    public static Instant sendAt(Instant markedAt) {
        return markedAt.plus(SETTLE_TIME);
    }

    /**
     * The report for one parent, or an {@link IllegalStateException} when the lesson is (no longer) one that is
     * reported: the tutor may have changed the mark during the settle time, and then there is nothing to report.
     */
    public static LessonReport compose(LessonFacts lesson, long parentId, ZoneId parentZone) {
        if (!isReported(lesson.attendance()) || lesson.start() == null) {
            throw new IllegalStateException("lesson " + lesson.lessonId() + " is not reportable now");
        }
        List<MessageText> lines = new ArrayList<>();
        lines.add(MessageText.of("notify.report.header", lesson.studentName()));
        lines.add(MessageText.of("notify.report.date", DATE_TIME.format(lesson.start().atZone(parentZone)),
                lesson.tutorName()));
        lines.add(lesson.topic() == null || lesson.topic().isBlank()
                ? MessageText.of("notify.report.topic_none")
                : MessageText.of("notify.report.topic", lesson.topic()));
        lines.add(MessageText.of("notify.report.attendance." + lesson.attendance().value()));
        if (lesson.attendance() == AttendanceStatus.ATTENDED) {
            lines.add(lesson.mastery() == null
                    ? MessageText.of("notify.report.mastery.none")
                    : MessageText.of("notify.report.mastery." + lesson.mastery().value()));
            if (lesson.masteryComment() != null && !lesson.masteryComment().isBlank()) {
                lines.add(MessageText.of("notify.report.comment", lesson.masteryComment()));
            }
        }
        if (lesson.homework().isEmpty()) {
            lines.add(MessageText.of("notify.report.homework_none"));
        }
        for (HomeworkGiven homework : lesson.homework()) {
            String text = preview(homework.description());
            lines.add(homework.deadline() == null
                    ? MessageText.of("notify.report.homework", text)
                    : MessageText.of("notify.report.homework_due", text,
                            DATE_TIME.format(homework.deadline().atZone(parentZone))));
        }
        return new LessonReport(lesson.lessonId(), parentId, lines);
    }

    /** Once per lesson and parent: a second mark (attended → unexcused → attended) sends no second report. */
    public String idempotencyKey() {
        return "lesson_report:" + lessonId + ":" + parentId;
    }

    private static String preview(String description) {
        String text = description == null ? "" : description.strip();
        return text.length() <= HOMEWORK_PREVIEW ? text : text.substring(0, HOMEWORK_PREVIEW - 1) + "…";
    }
}
