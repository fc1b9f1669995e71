package ru.repitbot.notification.domain;

import java.util.List;
import java.util.Set;

/**
 * The people around one student, from the access projection: the student, every linked parent (any number) and the
 * tutor the event concerns ({@code null} when the event names none, as {@code achievement.earned}).
 * {@code unreachable} holds those of them who cannot be reached now (no Telegram chat, or marked unreachable by the
 * delivery engine): money notices fall back to the student when no parent can be reached
 * (docs/domain/notifications.md#q7-reminders).
 */
public record Family(long studentId, List<Long> parentIds, Long tutorId, Set<Long> unreachable) {

    public Family {
        parentIds = List.copyOf(parentIds);
        unreachable = Set.copyOf(unreachable);
    }

    /** A family whose members can all be reached. */
    public Family(long studentId, List<Long> parentIds, Long tutorId) {
        this(studentId, parentIds, tutorId, Set.of());
    }

    public boolean hasParents() {
        return !parentIds.isEmpty();
    }

    /** Whether at least one parent can be reached. */
    public boolean hasReachableParent() {
        return parentIds.stream().anyMatch(p -> !unreachable.contains(p));
    }
}
