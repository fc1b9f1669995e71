package ru.repitbot.achievement.domain;

/** Why a student's points changed (docs/domain/achievements.md#points); the wire value is the lower-case name. */
public enum PointReason {
    /** +10: a lesson became attended. */
    LESSON_ATTENDED,
    /** −10: an attended lesson stopped being attended. */
    ATTENDANCE_REMOVED,
    /** +25: a lesson's topic reached mastered (once per lesson). */
    TOPIC_MASTERED,
    /** +15: a homework was accepted. */
    HOMEWORK_ACCEPTED,
    /** What a deleted lesson had earned (its attendance, its mastery, its accepted homework) is taken back. */
    LESSON_DELETED,
    /** A homework no longer in homework-service at a rebuild: its +15 is taken back. */
    HOMEWORK_DELETED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
