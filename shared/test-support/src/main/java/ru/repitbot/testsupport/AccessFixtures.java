package ru.repitbot.testsupport;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tutors, students and parents made known to a service the way user-service makes them known: in the shared access
 * projection ({@code access_user}/{@code access_link}, shared migration V0_3). Each user gets a fresh id, unique in
 * this JVM.
 * <ul>
 * <li>{@link #direct(JdbcTemplate)} writes the projection's rows: at once, for most tests;</li>
 * <li>{@link #viaEvents()} publishes {@code user.created}/{@code user.linked} envelopes to the test exchange, as
 * user-service's outbox relay does: the service learns them asynchronously, so await what the test needs.</li>
 * </ul>
 */
public final class AccessFixtures {

    public static final String DEFAULT_ZONE = "Europe/Kaliningrad";

    private static final AtomicLong IDS = new AtomicLong(100_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Target target;

    private AccessFixtures(Target target) {
        this.target = target;
    }

    /** A fresh id, unique in this JVM (for users, and for anything else a test makes up). */
    public static long newId() {
        return IDS.incrementAndGet();
    }

    /** Straight into {@code access_user}/{@code access_link} of the service's database. */
    public static AccessFixtures direct(JdbcTemplate jdbc) {
        return new AccessFixtures(new Rows(jdbc));
    }

    /** Through user-service's events on the test exchange. */
    public static AccessFixtures viaEvents() {
        return new AccessFixtures(new Events());
    }

    public long tutor() {
        return user("tutor", "Тьютор", DEFAULT_ZONE, null, new long[0]);
    }

    /** A student (grade 7) of {@code tutorIds}, in the default zone. */
    public long student(long... tutorIds) {
        return studentIn(DEFAULT_ZONE, tutorIds);
    }

    /** A student (grade 7) of {@code tutorIds}, in {@code zone}. */
    public long studentIn(String zone, long... tutorIds) {
        return user("student", "Ученик", zone, 7, tutorIds);
    }

    /** A parent linked to {@code studentIds}. */
    public long parent(long... studentIds) {
        long id = user("parent", "Родитель", DEFAULT_ZONE, null, new long[0]);
        for (long studentId : studentIds) {
            link("parent", id, studentId);
        }
        return id;
    }

    /** Links a tutor or parent ({@code kind} {@code tutor} or {@code parent}) to a student. */
    public void link(String kind, long userId, long studentId) {
        target.linked(kind, userId, studentId);
    }

    private long user(String role, String name, String zone, Integer grade, long[] tutorIds) {
        long id = newId();
        target.created(id, role, name + " " + id, zone, grade, Arrays.stream(tutorIds).boxed().toList());
        return id;
    }

    /**
     * An envelope of user-service's, as its outbox relay sends it (snake_case JSON, docs/domain/events.md#envelope), ready for
     * {@link #publishUserEvents}.
     *
     * @param aggregateId the user, or the student of a link
     * @param data the event's {@code data} in snake_case, e.g. {@code user_id}, {@code role}
     */
    public static TestInfrastructure.Message userEvent(String eventType, long aggregateId, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event_id", UUID.randomUUID().toString());
        envelope.put("event_type", eventType);
        envelope.put("service_name", "user-service");
        envelope.put("timestamp", Instant.now().toString());
        envelope.put("aggregate_id", Long.toString(aggregateId));
        envelope.put("aggregate_version", 1);
        envelope.put("data", data);
        envelope.put("metadata", Map.of());
        return new TestInfrastructure.Message(eventType, JSON.writeValueAsBytes(envelope));
    }

    /** Publishes user-service events to the test exchange, in order, with publisher confirms. */
    public static void publishUserEvents(TestInfrastructure.Message... events) {
        TestInfrastructure.get().publish(List.of(events));
    }

    private interface Target {
        void created(long id, String role, String fullName, String zone, Integer grade, List<Long> tutorIds);

        void linked(String kind, long userId, long studentId);
    }

    /** The rows the shared access projection writes for the same events. */
    private record Rows(JdbcTemplate jdbc) implements Target {

        @Override
        public void created(long id, String role, String fullName, String zone, Integer grade,
                List<Long> tutorIds) {
            jdbc.update("""
                    INSERT INTO access_user (id, role, full_name, time_zone) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, full_name = EXCLUDED.full_name,
                      time_zone = EXCLUDED.time_zone""", id, role, fullName, zone);
            tutorIds.forEach(tutorId -> linked("tutor", tutorId, id));
        }

        @Override
        public void linked(String kind, long userId, long studentId) {
            jdbc.update("INSERT INTO access_link (kind, user_id, student_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    kind, userId, studentId);
        }
    }

    private static final class Events implements Target {

        @Override
        public void created(long id, String role, String fullName, String zone, Integer grade,
                List<Long> tutorIds) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user_id", id);
            data.put("role", role);
            data.put("full_name", fullName);
            data.put("time_zone", zone);
            data.put("grade", grade);
            data.put("tutor_ids", tutorIds);
            data.put("parent_ids", List.of());
            publishUserEvents(userEvent("user.created", id, data));
        }

        @Override
        public void linked(String kind, long userId, long studentId) {
            publishUserEvents(userEvent("user.linked", studentId,
                    Map.of("kind", kind, "user_id", userId, "student_id", studentId)));
        }
    }
}
