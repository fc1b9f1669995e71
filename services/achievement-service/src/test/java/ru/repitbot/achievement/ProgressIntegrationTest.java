package ru.repitbot.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;
import tools.jackson.databind.JsonNode;

/**
 * Points, streak, study time, history and achievements from real events through the broker — and the same outcome
 * whatever order the events come in, however often.
 */
class ProgressIntegrationTest extends IntegrationTest {

    /** Monday 2 March 2026, 16:00 in Moscow. */
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 3, 2, 16, 0, 0, 0, ZoneOffset.ofHours(3));

    /**
     * A student's history: three lessons on three days in a row, attended (one through lesson.conducted), one flipped
     * to excused and back, one topic mastered, then left and mastered again, two homework accepted (one redelivered
     * with a newer version), one returned for rework, and a fourth lesson attended and then deleted.
     */
    private List<EventEnvelope> history(long tutor, long student) {
        long base = newId() * 10;
        long l1 = base + 1;
        long l2 = base + 2;
        long l3 = base + 3;
        long l4 = base + 4;
        List<EventEnvelope> events = new ArrayList<>();
        events.add(created(l1, tutor, student, MONDAY));
        events.add(created(l2, tutor, student, MONDAY.plusDays(1)));
        events.add(created(l3, tutor, student, MONDAY.plusDays(2)));
        events.add(created(l4, tutor, student, MONDAY.plusDays(5)));
        events.add(attendance(l1, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        events.add(attendance(l1, tutor, student, AttendanceStatus.ATTENDED, AttendanceStatus.EXCUSED_ABSENCE, 3));
        events.add(attendance(l1, tutor, student, AttendanceStatus.EXCUSED_ABSENCE, AttendanceStatus.ATTENDED, 4));
        events.add(conducted(l2, tutor, student, MONDAY.plusDays(1), 2));
        events.add(attendance(l3, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        events.add(mastery(l2, tutor, student, TopicMastery.NOT_LEARNED, TopicMastery.MASTERED, 3));
        events.add(mastery(l2, tutor, student, TopicMastery.MASTERED, TopicMastery.LEARNED, 4));
        events.add(mastery(l2, tutor, student, TopicMastery.LEARNED, TopicMastery.MASTERED, 5));
        events.add(attendance(l4, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2));
        events.add(deleted(l4, tutor, student, 3));
        long h1 = base + 5;
        long h2 = base + 6;
        long h3 = base + 7;
        events.add(accepted(h1, l1, tutor, student, 3));
        events.add(accepted(h2, l2, tutor, student, 3));
        events.add(accepted(h2, l2, tutor, student, 4));
        events.add(returned(h3, l3, tutor, student, 3));
        return events;
    }

    /** The outcome the rules give for {@link #history}: 3 attended (30) + 1 mastered (25) + 2 homework (30). */
    private void assertOutcome(long student) {
        JsonNode progress = progress(student);
        assertThat(progress.path("points").asInt()).isEqualTo(85);
        assertThat(progress.path("attended_lessons").asInt()).isEqualTo(3);
        assertThat(progress.path("study_minutes").asLong()).isEqualTo(180);
        assertThat(progress.path("accepted_homework").asInt()).isEqualTo(2);
        assertThat(progress.path("best_streak").asInt()).isEqualTo(3);
        assertThat(progress.path("time_zone").asString()).isEqualTo("Europe/Moscow");
        assertThat(historySum(student)).as("the history sums to the points").isEqualTo(85);
        assertThat(achievementTypes(student)).containsExactly("first_homework", "first_lesson", "points_50",
                "streak_3");
        assertThat(earned(student)).as("each announced once").hasSize(4);
    }

    @Test
    void eventsInOrderGiveThePointsTheRulesSay() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Moscow", tutor);
        publishAndWait(history(tutor, student));
        assertOutcome(student);
        JsonNode first = earned(student).getFirst().data();
        assertThat(first.path("title").asString()).isNotBlank();
        assertThat(first.path("earned_at").asString()).endsWith("+03:00");
    }

    @Test
    void eventsReplayedTwiceChangeNothing() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Moscow", tutor);
        List<EventEnvelope> events = history(tutor, student);
        publishAndWait(events);
        // The same envelopes again (a redelivery), and the same facts under new event ids (a replay by the producer).
        List<EventEnvelope> again = new ArrayList<>(events);
        for (EventEnvelope e : events) {
            again.add(new EventEnvelope(UUID.randomUUID(), e.eventType(), e.serviceName(), e.timestamp(),
                    e.correlationId(), e.causationId(), e.userId(), e.aggregateId(), e.aggregateVersion(), e.data(),
                    e.metadata()));
        }
        publish(again);
        again.subList(events.size(), again.size()).forEach(e -> awaitProcessed(e.eventId()));
        assertOutcome(student);
    }

    @Test
    void eventsInShuffledOrderGiveTheSameOutcome() {
        Random random = new Random(13);
        for (int round = 0; round < 2; round++) {
            long tutor = users().tutor();
            long student = users().studentIn("Europe/Moscow", tutor);
            List<EventEnvelope> events = new ArrayList<>(history(tutor, student));
            Collections.shuffle(events, random);
            publishAndWait(events);
            assertOutcome(student);
        }
    }

    @Test
    void theHistoryNamesEachChangeWithItsReasonAndCause() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Moscow", tutor);
        long lesson = newId();
        long homework = newId();
        publishAndWait(created(lesson, tutor, student, MONDAY),
                attendance(lesson, tutor, student, AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED, 2),
                attendance(lesson, tutor, student, AttendanceStatus.ATTENDED, AttendanceStatus.UNEXCUSED_ABSENCE, 3),
                accepted(homework, lesson, tutor, student, 3));
        JsonNode page = as(student, "student")
                .get("/api/v1/achievements/students/" + student + "/points-history?size=2").json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("pages").asInt()).isEqualTo(2);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("reason").asString()).isEqualTo("homework_accepted");
        assertThat(newest.path("delta").asInt()).isEqualTo(15);
        assertThat(newest.path("homework_id").asLong()).isEqualTo(homework);
        assertThat(newest.path("points_after").asInt()).isEqualTo(15);
        JsonNode removed = page.path("items").get(1);
        assertThat(removed.path("reason").asString()).isEqualTo("attendance_removed");
        assertThat(removed.path("delta").asInt()).isEqualTo(-10);
        assertThat(removed.path("lesson_id").asLong()).isEqualTo(lesson);
        assertThat(removed.path("points_after").asInt()).isZero();
        assertThat(progress(student).path("points").asInt()).isEqualTo(15);
    }

    @Test
    void aJumpOverSeveralPointsTiersAwardsThemAllAndAFallTakesNothingBack() {
        long tutor = users().tutor();
        long student = users().studentIn("Europe/Moscow", tutor);
        List<EventEnvelope> events = new ArrayList<>();
        // Four lessons on four separate weeks, attended and mastered: 4 × 35 = 140 points.
        long base = newId() * 10;
        for (int i = 0; i < 4; i++) {
            long lesson = base + i;
            events.add(created(lesson, tutor, student, MONDAY.plusWeeks(i)));
            events.add(envelope("lesson-service", new ru.repitbot.events.catalogue.LessonEvents.Updated(lesson,
                    student, tutor, ru.repitbot.events.catalogue.LessonChanges.NONE
                            .withAttendanceStatus(AttendanceStatus.SCHEDULED, AttendanceStatus.ATTENDED)
                            .withMasteryLevel(TopicMastery.NOT_LEARNED, TopicMastery.MASTERED)), 2));
        }
        publishAndWait(events);
        assertThat(achievementTypes(student)).containsExactly("first_lesson", "points_100", "points_50");
        assertThat(progress(student).path("best_streak").asInt()).isEqualTo(1);
        publishAndWait(attendance(base, tutor, student, AttendanceStatus.ATTENDED, AttendanceStatus.EXCUSED_ABSENCE,
                3), deleted(base + 1, tutor, student, 3));
        assertThat(progress(student).path("points").asInt()).isEqualTo(95);
        assertThat(achievementTypes(student)).as("never taken back").containsExactly("first_lesson", "points_100",
                "points_50");
        assertThat(earned(student)).hasSize(3);
    }
}
