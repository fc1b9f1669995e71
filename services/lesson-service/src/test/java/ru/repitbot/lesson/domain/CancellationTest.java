package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.repitbot.models.AttendanceStatus.ATTENDED;
import static ru.repitbot.models.AttendanceStatus.EXCUSED_ABSENCE;
import static ru.repitbot.models.AttendanceStatus.RESCHEDULED;
import static ru.repitbot.models.AttendanceStatus.SCHEDULED;
import static ru.repitbot.models.AttendanceStatus.UNEXCUSED_ABSENCE;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.catalogue.Change;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents.TopicMove;

/**
 * docs/domain/lessons.md#cancelling-a-lesson, as the lesson decides it: {@link Lesson#cancel} keeps the occurrence at
 * its date, moves its topic on ({@link TopicShift}), makes the undated make-up, and returns the events that tell it.
 */
class CancellationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    private static final Instant CREATED = Instant.parse("2030-02-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant D0 = Instant.parse("2030-03-04T15:00:00Z");
    private static final Instant D1 = Instant.parse("2030-03-07T15:00:00Z");
    private static final Instant D2 = Instant.parse("2030-03-11T15:00:00Z");
    private static final Instant D3 = Instant.parse("2030-03-14T16:30:00Z");
    private static final long TUTOR = 5;
    private static final long STUDENT = 6;

    /** Stands in for the repository: gives each stored lesson the next id, and remembers it. */
    private final List<Lesson> stored = new ArrayList<>();
    private final UnaryOperator<Lesson> store = lesson -> {
        stored.add(lesson);
        return withId(lesson, 100L + stored.size());
    };

    @Test
    void theTopicMovesAlongTheChainAndTheLastFallsIntoANewMakeup() {
        Lesson cancelled = lesson(1, "Дроби", "Сокращение", D0, 60);
        Lesson earlier = lesson(9, "Раньше", null, D0.minus(Duration.ofDays(3)), 60);
        Lesson second = lesson(2, "Проценты", null, D1, 60);
        Lesson attended = lesson(4, "Пройдено", null, D2, 60);
        attended.changeAttendance(ATTENDED, CREATED);
        Lesson third = lesson(3, "Уравнения", "Графики", D3, 90);

        Cancellation result = cancelled.cancel(EXCUSED_ABSENCE, "Болеет",
                List.of(third, attended, cancelled, second, earlier), store, ZONE, NOW);

        assertThat(stored).as("one make-up lesson").hasSize(1);
        Lesson makeup = result.makeup();
        assertThat(makeup.id()).isEqualTo(101L);
        assertThat(makeup.isMakeup()).isTrue();
        assertThat(makeup.isDated()).isFalse();
        assertThat(makeup.charged()).isFalse();
        assertThat(makeup.currentTopic()).as("the end of the chain's topic")
                .isEqualTo(new Lesson.Topic("Уравнения", "Графики"));
        assertThat(makeup.durationMinutes()).as("the length of the lesson it came from").isEqualTo(90);
        assertThat(List.of(makeup.tutorId(), makeup.studentId())).containsExactly(TUTOR, STUDENT);

        assertThat(result.topicMoves()).containsExactly(new TopicMove(1, 2, "Дроби"),
                new TopicMove(2, 3, "Проценты"), new TopicMove(3, 101, "Уравнения"));
        assertThat(result.handovers()).extracting(h -> h.receiver().id()).containsExactly(2L, 3L);
        assertThat(result.handovers().getFirst().topic()).isEqualTo(new Lesson.Topic("Дроби", "Сокращение"));
        assertThat(result.handovers().getFirst().changes()).isEqualTo(LessonChanges.NONE
                .withTopic("Проценты", "Дроби").withSkillsDeveloped(null, "Сокращение"));
        assertThat(result.handovers().get(1).changes().topic()).isEqualTo(new Change<>("Уравнения", "Проценты"));
        assertThat(result.handovers().get(1).changes().skillsDeveloped()).isEqualTo(new Change<>("Графики", null));
        assertThat(result.handovers().get(1).changes().date()).as("no lesson changes its date").isNull();

        assertThat(second.currentTopic()).isEqualTo(new Lesson.Topic("Дроби", "Сокращение"));
        assertThat(third.currentTopic()).isEqualTo(new Lesson.Topic("Проценты", null));
        assertThat(List.of(second.startAt(), third.startAt())).containsExactly(D1, D3);
        assertThat(attended.topic()).as("a marked lesson is history").isEqualTo("Пройдено");
        assertThat(earlier.topic()).isEqualTo("Раньше");
        assertThat(cancelled.topic()).as("the cancelled occurrence keeps what it was to teach").isEqualTo("Дроби");
        assertThat(cancelled.startAt()).as("it stays at its date").isEqualTo(D0);
        assertThat(cancelled.topicMovedTo()).isEqualTo(2L);
        assertThat(cancelled.attendanceStatus()).isEqualTo(EXCUSED_ABSENCE);
        assertThat(cancelled.cancellationReason()).isEqualTo("Болеет");
        assertThat(cancelled.updatedAt()).isEqualTo(NOW);
        assertThat(second.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void theCancelledLessonsEventTellsTheDateInTheStudentsZoneTheMovesAndTheMakeup() {
        Lesson cancelled = lesson(1, "Дроби", null, D0, 60);
        Lesson second = lesson(2, "Проценты", null, D1, 60);

        var event = cancelled.cancel(UNEXCUSED_ABSENCE, "Не пришёл", List.of(second), store, ZONE, NOW).event();

        assertThat(event.lessonId()).isEqualTo(1);
        assertThat(event.studentId()).isEqualTo(STUDENT);
        assertThat(event.tutorId()).isEqualTo(TUTOR);
        assertThat(event.date()).isEqualTo(OffsetDateTime.parse("2030-03-04T20:00+05:00"));
        assertThat(event.attendanceStatus()).isEqualTo(UNEXCUSED_ABSENCE);
        assertThat(event.previousAttendanceStatus()).isEqualTo(SCHEDULED);
        assertThat(event.reason()).isEqualTo("Не пришёл");
        assertThat(event.topicMoves()).containsExactly(new TopicMove(1, 2, "Дроби"),
                new TopicMove(2, 101, "Проценты"));
        assertThat(event.makeupLessonId()).isEqualTo(101L);
    }

    @Test
    void withNoLaterLessonTheTopicGoesStraightToTheMakeup() {
        Lesson cancelled = lesson(1, "Логарифмы", null, D0, 45);

        Cancellation result = cancelled.cancel(RESCHEDULED, null, List.of(cancelled), store, ZONE, NOW);

        assertThat(result.topicMoves()).containsExactly(new TopicMove(1, 101, "Логарифмы"));
        assertThat(result.handovers()).as("the make-up is told by its lesson.created, not an update").isEmpty();
        assertThat(result.makeup().durationMinutes()).isEqualTo(45);
        assertThat(cancelled.topicMovedTo()).isEqualTo(101L);
        assertThat(result.event().makeupLessonId()).isEqualTo(101L);
    }

    @Test
    void aCorrectionFromAttendedMovesTheTopicAsItWasNotTaught() {
        Lesson lesson = lesson(1, "Дроби", null, D0, 60);
        lesson.changeAttendance(ATTENDED, CREATED);
        Lesson next = lesson(2, "Проценты", null, D1, 60);

        assertThat(lesson.cancellationMovesTopic(RESCHEDULED)).isTrue();
        Cancellation result = lesson.cancel(RESCHEDULED, null, List.of(next), store, ZONE, NOW);

        assertThat(result.event().previousAttendanceStatus()).isEqualTo(ATTENDED);
        assertThat(result.movedTopics()).isTrue();
        assertThat(next.topic()).isEqualTo("Дроби");
    }

    @Test
    void switchingBetweenCancellationStatusesMovesNothing() {
        Lesson lesson = lesson(1, "Дроби", null, D0, 60);
        Lesson next = lesson(2, "Проценты", null, D1, 60);
        lesson.cancel(EXCUSED_ABSENCE, "Болеет", List.of(next), store, ZONE, NOW);
        stored.clear();

        for (var status : List.of(UNEXCUSED_ABSENCE, RESCHEDULED, EXCUSED_ABSENCE)) {
            assertThat(lesson.cancellationMovesTopic(status)).isFalse();
            var previous = lesson.attendanceStatus();
            Cancellation again = lesson.cancel(status, "Болеет", List.of(), store, ZONE, NOW.plusSeconds(60));

            assertThat(again.movedTopics()).isFalse();
            assertThat(again.makeupLesson()).isEmpty();
            assertThat(again.handovers()).isEmpty();
            assertThat(again.event().makeupLessonId()).isNull();
            assertThat(again.event().previousAttendanceStatus()).isEqualTo(previous);
            assertThat(again.event().attendanceStatus()).isEqualTo(status);
            assertThat(lesson.attendanceStatus()).isEqualTo(status);
        }
        assertThat(stored).as("no second make-up").isEmpty();
        assertThat(lesson.topicMovedTo()).isEqualTo(2L);
        assertThat(next.topic()).isEqualTo("Дроби");
    }

    @Test
    void aTopicMovesOnceEvenWhenTheLessonIsSetBackAndCancelledAgain() {
        Lesson lesson = lesson(1, "Дроби", null, D0, 60);
        Lesson next = lesson(2, "Проценты", null, D1, 60);
        lesson.cancel(EXCUSED_ABSENCE, null, List.of(next), store, ZONE, NOW);
        lesson.changeAttendance(SCHEDULED, NOW);

        assertThat(lesson.cancellationMovesTopic(EXCUSED_ABSENCE)).isFalse();
        Cancellation again = lesson.cancel(EXCUSED_ABSENCE, "Снова", List.of(next), store, ZONE, NOW);

        assertThat(again.movedTopics()).isFalse();
        assertThat(stored).hasSize(1);
        assertThat(next.topic()).isEqualTo("Дроби");
        assertThat(again.event().reason()).isEqualTo("Снова");
    }

    @Test
    void onlyACancellationStatusCancelsAndAnUndatedMakeupHasNothingToCancel() {
        Lesson lesson = lesson(1, "Дроби", null, D0, 60);
        assertThatThrownBy(() -> lesson.cancel(ATTENDED, null, List.of(), store, ZONE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(lesson.attendanceStatus()).isEqualTo(SCHEDULED);

        Lesson makeup = withId(Lesson.makeupFor(TUTOR, STUDENT, new Lesson.Topic("Дроби", null), 60, CREATED), 7);
        assertThatThrownBy(() -> makeup.cancel(EXCUSED_ABSENCE, null, List.of(), store, ZONE, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(makeup.attendanceStatus()).isEqualTo(SCHEDULED);
    }

    @Test
    void theChainIsTheSameStudentsLessonsWithTheSameTutor() {
        Lesson lesson = lesson(1, "Дроби", null, D0, 60);
        Lesson someoneElses = withId(Lesson.schedule(TUTOR, STUDENT + 1, "Чужое", D1, 60, null, CREATED), 2);

        assertThatThrownBy(() -> lesson.cancel(EXCUSED_ABSENCE, null, List.of(someoneElses), store, ZONE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(someoneElses.topic()).isEqualTo("Чужое");
        assertThat(lesson.attendanceStatus()).as("nothing applied").isEqualTo(SCHEDULED);
        assertThat(stored).isEmpty();
    }

    private static Lesson lesson(long id, String topic, String skills, Instant start, int minutes) {
        return withId(Lesson.schedule(TUTOR, STUDENT, topic, start, minutes, skills, CREATED), id);
    }

    /** The database gives a lesson its id. */
    private static Lesson withId(Lesson lesson, long id) {
        try {
            Field field = Lesson.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(lesson, id);
            return lesson;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
