package ru.repitbot.events.catalogue;

import java.util.List;
import java.util.Map;
import ru.repitbot.events.EventPayload;

/** Events of user-service: users and the tutor/parent links that decide who may see which student. */
public final class UserEvents {

    private UserEvents() {
    }

    /** Which link: a tutor teaching a student, or a parent of a student. */
    public enum LinkKind { tutor, parent }

    public record Created(long userId, String role, String fullName, Long telegramId, String username,
            String timeZone, Integer grade, List<Long> tutorIds, List<Long> parentIds) implements EventPayload {
        @Override
        public String eventType() {
            return EventTypes.USER_CREATED;
        }

        @Override
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    /** {@code changes} holds the new values of the changed fields, {@code previous} their old values. */
    public record Updated(long userId, String role, Map<String, Object> changes, Map<String, Object> previous)
            implements EventPayload {
        @Override
        public String eventType() {
            return EventTypes.USER_UPDATED;
        }

        @Override
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    public record Deleted(long userId, String role) implements EventPayload {
        @Override
        public String eventType() {
            return EventTypes.USER_DELETED;
        }

        @Override
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    /** {@code userId} is the tutor or the parent; {@code studentId} the student. */
    public record Linked(LinkKind kind, long userId, long studentId) implements EventPayload {
        @Override
        public String eventType() {
            return EventTypes.USER_LINKED;
        }

        @Override
        public String aggregateId() {
            return Long.toString(studentId);
        }
    }

    public record Unlinked(LinkKind kind, long userId, long studentId) implements EventPayload {
        @Override
        public String eventType() {
            return EventTypes.USER_UNLINKED;
        }

        @Override
        public String aggregateId() {
            return Long.toString(studentId);
        }
    }
}
