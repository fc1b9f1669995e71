package ru.repitbot.achievement.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Points (docs/domain/achievements.md#points): +10 attended, −10 when it stops being
 * attended, +25 topic mastered, +15 homework accepted. They are derived from state, not added up from events: a lesson
 * is worth 10 while it is attended and 25 more once its topic has reached {@code mastered}; an accepted homework is
 * worth 15. A student's points are the sum over their lessons and homework, so an attendance flipped back and forth in
 * any order ends where the last state says, and "not below 0" holds by construction (a −10 only ever takes back the
 * +10 of the same lesson). Each difference between two states of one lesson or homework is a {@link Change} for the
 * history.
 */
public final class PointsRule {

    public static final int ATTENDED = 10;
    public static final int MASTERED = 25;
    public static final int HOMEWORK_ACCEPTED = 15;

    private PointsRule() {
    }

    /** One entry of the points history: {@code delta} points for {@code reason}. */
    public record Change(int delta, PointReason reason) {
    }

    /** What a lesson is worth for its attendance now. */
    public static int attendancePoints(LessonProgress lesson) {
        return lesson != null && lesson.attended() ? ATTENDED : 0;
    }

    /** What a lesson is worth for its topic now: 25 once it has reached mastered, while the lesson exists. */
    public static int masteryPoints(LessonProgress lesson) {
        return lesson != null && !lesson.deleted() && lesson.masteredOnce() ? MASTERED : 0;
    }

    /** What a homework is worth: 15 when accepted and its lesson was not deleted. */
    public static int homeworkPoints(boolean accepted, boolean lessonDeleted) {
        return accepted && !lessonDeleted ? HOMEWORK_ACCEPTED : 0;
    }

    /** The history entries of one lesson going from {@code before} ({@code null}: unknown) to {@code after}. */
    public static List<Change> lessonChanges(LessonProgress before, LessonProgress after) {
        List<Change> changes = new ArrayList<>();
        int attendance = attendancePoints(after) - attendancePoints(before);
        if (attendance != 0) {
            changes.add(new Change(attendance, attendance > 0 ? PointReason.LESSON_ATTENDED
                    : after.deleted() ? PointReason.LESSON_DELETED : PointReason.ATTENDANCE_REMOVED));
        }
        int mastery = masteryPoints(after) - masteryPoints(before);
        if (mastery != 0) {
            changes.add(new Change(mastery, mastery > 0 ? PointReason.TOPIC_MASTERED : PointReason.LESSON_DELETED));
        }
        return changes;
    }

    /** The history entry of one homework whose worth went from {@code before} to {@code after} points, if any. */
    public static List<Change> homeworkChange(int before, int after, PointReason whenTakenBack) {
        int delta = after - before;
        if (delta == 0) {
            return List.of();
        }
        return List.of(new Change(delta, delta > 0 ? PointReason.HOMEWORK_ACCEPTED : whenTakenBack));
    }
}
