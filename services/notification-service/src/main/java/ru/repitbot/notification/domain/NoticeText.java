package ru.repitbot.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the notices of docs/domain/notifications.md#who-is-told say to one reader: bundle keys with their arguments,
 * dates on the reader's clock; a parent's text names the child. Reminders are {@link ReminderText}, the report
 * {@link LessonReport}, the digest {@link LowBalanceDigest}.
 */
public final class NoticeText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private NoticeText() {
    }

    /** A moment on the reader's clock, "—" when there is none. */
    public static String at(Instant instant, ZoneId zone) {
        return instant == null ? "—" : DATE_TIME.format(instant.atZone(zone));
    }

    public static MessageText lessonScheduled(Audience audience, Instant start, String topic, String studentName,
            ZoneId zone) {
        return audience == Audience.PARENT
                ? MessageText.of("notify.lesson.scheduled.parent", at(start, zone), shown(topic), studentName)
                : MessageText.of("notify.lesson.scheduled", at(start, zone), shown(topic));
    }

    public static MessageText lessonRescheduled(Audience audience, Instant from, Instant to, String studentName,
            ZoneId zone) {
        return audience == Audience.PARENT
                ? MessageText.of("notify.lesson.rescheduled.parent", at(from, zone), at(to, zone), studentName)
                : MessageText.of("notify.lesson.rescheduled", at(from, zone), at(to, zone));
    }

    public static MessageText lessonCancelled(Audience audience, Instant start, String studentName, ZoneId zone) {
        return audience == Audience.PARENT
                ? MessageText.of("notify.lesson.cancelled.parent", at(start, zone), studentName)
                : MessageText.of("notify.lesson.cancelled", at(start, zone));
    }

    /** {@code deadline} may be null. */
    public static MessageText homeworkAssigned(String description, Instant deadline, ZoneId zone) {
        String text = description == null ? "" : description.strip();
        return deadline == null ? MessageText.of("notify.homework.assigned", text)
                : MessageText.of("notify.homework.assigned_due", text, at(deadline, zone));
    }

    public static MessageText homeworkSubmitted(String studentName) {
        return MessageText.of("notify.homework.submitted", studentName);
    }

    public static MessageText homeworkChecked(boolean accepted) {
        return MessageText.of(accepted ? "notify.homework.accepted" : "notify.homework.returned");
    }

    public static MessageText paymentRecorded(String studentName, int lessonsPaid, String tutorName,
            int balanceAfter) {
        return MessageText.of("notify.payment.recorded", studentName, Integer.toString(lessonsPaid), tutorName,
                Integer.toString(balanceAfter));
    }

    public static MessageText achievement(Audience audience, String icon, String title, String description,
            String studentName) {
        String shownIcon = icon == null || icon.isBlank() ? "🏆" : icon;
        String shownTitle = title == null ? "" : title;
        String shownDescription = description == null ? "" : description;
        return audience == Audience.PARENT
                ? MessageText.of("notify.achievement.earned.parent", shownIcon, shownTitle, shownDescription,
                        studentName)
                : MessageText.of("notify.achievement.earned", shownIcon, shownTitle, shownDescription);
    }

    /** A tutor or parent ({@code whoName}) linked to or unlinked from the student. */
    public static MessageText link(Occasion occasion, String whoName, String studentName) {
        String key = switch (occasion) {
            case TUTOR_LINKED -> "notify.link.tutor_linked";
            case TUTOR_UNLINKED -> "notify.link.tutor_unlinked";
            case PARENT_LINKED -> "notify.link.parent_linked";
            case PARENT_UNLINKED -> "notify.link.parent_unlinked";
            default -> throw new IllegalArgumentException(occasion + " is not a link occasion");
        };
        return MessageText.of(key, whoName, studentName);
    }

    private static String shown(String topic) {
        return topic == null || topic.isBlank() ? "—" : topic;
    }
}
