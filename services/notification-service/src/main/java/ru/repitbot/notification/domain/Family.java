package ru.repitbot.notification.domain;

import java.util.List;

/**
 * The people around one student, from the access projection: the student, every linked parent (any number,
 * DECISIONS "Who uses it") and the tutor the event concerns ({@code null} when the event names none, as
 * {@code achievement.earned}).
 */
public record Family(long studentId, List<Long> parentIds, Long tutorId) {

    public Family {
        parentIds = List.copyOf(parentIds);
    }

    public boolean hasParents() {
        return !parentIds.isEmpty();
    }
}
