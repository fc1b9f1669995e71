package ru.repitbot.bot.flows.tutor.lessons;

import java.util.Map;
import ru.repitbot.bot.dialog.CallbackData;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/**
 * One-letter codes of the statuses in callback data (short, so data stay far below 64 bytes), and the text keys of
 * each status. An unknown code is an old or forged button: {@link CallbackData.BadCallbackException}.
 */
final class LessonCodes {

    private LessonCodes() {
    }

    private static final Map<String, AttendanceStatus> ATTENDANCE = Map.of(
            "s", AttendanceStatus.SCHEDULED,
            "a", AttendanceStatus.ATTENDED,
            "e", AttendanceStatus.EXCUSED_ABSENCE,
            "u", AttendanceStatus.UNEXCUSED_ABSENCE,
            "r", AttendanceStatus.RESCHEDULED);

    private static final Map<String, LessonStatus> CONDUCT = Map.of(
            "n", LessonStatus.NOT_CONDUCTED,
            "c", LessonStatus.CONDUCTED);

    private static final Map<String, TopicMastery> MASTERY = Map.of(
            "n", TopicMastery.NOT_LEARNED,
            "l", TopicMastery.LEARNED,
            "m", TopicMastery.MASTERED);

    static AttendanceStatus attendance(String code) {
        return parse(ATTENDANCE, code);
    }

    static String code(AttendanceStatus status) {
        return key(ATTENDANCE, status);
    }

    static LessonStatus conduct(String code) {
        return parse(CONDUCT, code);
    }

    static String code(LessonStatus status) {
        return key(CONDUCT, status);
    }

    static TopicMastery mastery(String code) {
        return parse(MASTERY, code);
    }

    static String code(TopicMastery mastery) {
        return key(MASTERY, mastery);
    }

    /** The cancellation statuses, in the order of the card's buttons. */
    static boolean isCancellation(AttendanceStatus status) {
        return status == AttendanceStatus.EXCUSED_ABSENCE || status == AttendanceStatus.UNEXCUSED_ABSENCE
                || status == AttendanceStatus.RESCHEDULED;
    }

    /** Text key of an attendance status with its mark: {@code lessons.att.attended} "✅ Проведен". */
    static String label(AttendanceStatus status) {
        return "lessons.att." + status.value();
    }

    /** The mark alone, for list buttons. */
    static String mark(AttendanceStatus status) {
        return "lessons.mark." + status.value();
    }

    static String label(LessonStatus status) {
        return "lessons.conduct." + status.value();
    }

    static String label(TopicMastery mastery) {
        return "lessons.mastery." + mastery.value();
    }

    private static <T> T parse(Map<String, T> codes, String code) {
        T value = codes.get(code);
        if (value == null) {
            throw new CallbackData.BadCallbackException("unknown status code " + code);
        }
        return value;
    }

    private static <T> String key(Map<String, T> codes, T value) {
        return codes.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }
}
