package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    /**
     * A user's changed fields, typed in {@link #fields()}. On the wire (as the seed sent it) {@code changes} holds
     * the new values of the changed fields and {@code previous} their old values.
     */
    public record Updated(long userId, String role, @JsonIgnore UserChanges fields) implements EventPayload {

        @JsonCreator
        static Updated fromWire(@JsonProperty("user_id") long userId, @JsonProperty("role") String role,
                @JsonProperty("changes") Map<String, Object> changes,
                @JsonProperty("previous") Map<String, Object> previous) {
            return new Updated(userId, role, UserChanges.fromWire(changes, previous));
        }

        /** The wire's {@code changes}: new values of the changed fields. */
        @JsonProperty("changes")
        public Map<String, Object> changes() {
            return fields == null ? Map.of() : fields.newValues();
        }

        /** The wire's {@code previous}: old values of the changed fields. */
        @JsonProperty("previous")
        public Map<String, Object> previous() {
            return fields == null ? Map.of() : fields.oldValues();
        }

        @Override
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    public record Deleted(long userId, String role) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(userId);
        }
    }

    /** {@code userId} is the tutor or the parent; {@code studentId} the student. */
    public record Linked(LinkKind kind, long userId, long studentId) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(studentId);
        }
    }

    public record Unlinked(LinkKind kind, long userId, long studentId) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(studentId);
        }
    }
}
