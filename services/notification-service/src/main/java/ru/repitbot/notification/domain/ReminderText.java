package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a reminder says to one reader (docs/domain/notifications.md#reminders): the lesson's date and time on the
 * reader's clock — never "in 24 hours", which a daylight-saving change would make untrue
 * (docs/domain/notifications.md#daylight-saving) —
 * its topic, and for a parent whose child it is.
 */
public final class ReminderText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ReminderText() {
    }

    /**
     * A lesson reminder: {@code kind} is {@link NoticeKind#LESSON_REMINDER_24H} or {@link NoticeKind#LESSON_REMINDER_1H};
     * a parent's text names the child.
     */
    public static MessageText lesson(NoticeKind kind, Audience audience, Instant start, String topic,
            String studentName, ZoneId readerZone) {
        String key = switch (kind) {
            case LESSON_REMINDER_24H -> "notify.lesson.reminder_24h";
            case LESSON_REMINDER_1H -> "notify.lesson.reminder_1h";
            default -> throw new IllegalArgumentException(kind + " is not a lesson reminder");
        };
        if (audience == Audience.TUTOR) {
            throw new IllegalArgumentException("tutors are not reminded of their lessons");
        }
        var local = start.atZone(readerZone);
        String shownTopic = topic == null || topic.isBlank() ? "—" : topic;
        return audience == Audience.PARENT
                ? MessageText.of(key + ".parent", DATE.format(local), TIME.format(local), shownTopic, studentName)
                : MessageText.of(key, DATE.format(local), TIME.format(local), shownTopic);
    }

    /** The homework deadline reminder to the student; {@code lessonTopic} may be blank. */
    public static MessageText homeworkDeadline(Instant deadline, String lessonTopic, String description,
            ZoneId readerZone) {
        return MessageText.of("notify.homework.deadline", DATE_TIME.format(deadline.atZone(readerZone)),
                lessonTopic == null || lessonTopic.isBlank() ? "—" : lessonTopic,
                description == null ? "" : description.strip());
    }

    /** The "at once" low-balance notice to a payer ({@link LowBalanceWatch}). */
    public static MessageText balanceLow(String studentName, int balance, String tutorName) {
        return MessageText.of("notify.balance_low.now", studentName, Integer.toString(balance), tutorName);
    }
}
