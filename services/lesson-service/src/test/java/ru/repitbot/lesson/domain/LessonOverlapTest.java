package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.lesson.domain.LessonOverlap.Booking;

class LessonOverlapTest {

    static final Instant NINE = Instant.parse("2030-03-04T09:00:00Z");

    static Booking at(long id, String time, int minutes) {
        return new Booking(id, Instant.parse("2030-03-04T" + time + ":00Z"), minutes);
    }

    @Test
    void aLessonInsideAnotherOverlapsIt() {
        assertThat(LessonOverlap.firstConflict(at(0, "09:15", 30), List.of(at(1, "09:00", 60))))
                .map(Booking::lessonId).contains(1L);
    }

    @Test
    void partialOverlapAtEitherEndIsAConflict() {
        assertThat(LessonOverlap.firstConflict(at(0, "08:30", 60), List.of(at(1, "09:00", 60)))).isPresent();
        assertThat(LessonOverlap.firstConflict(at(0, "09:59", 60), List.of(at(1, "09:00", 60)))).isPresent();
        assertThat(LessonOverlap.firstConflict(at(0, "08:00", 240), List.of(at(1, "09:00", 60)))).isPresent();
    }

    @Test
    void touchingEdgesAreAllowed() {
        assertThat(LessonOverlap.firstConflict(at(0, "10:00", 60), List.of(at(1, "09:00", 60)))).isEmpty();
        assertThat(LessonOverlap.firstConflict(at(0, "08:00", 60), List.of(at(1, "09:00", 60)))).isEmpty();
    }

    @Test
    void makeupLessonsWithoutADateNeverOverlap() {
        Booking undated = new Booking(2, null, 60);
        assertThat(LessonOverlap.firstConflict(at(0, "09:00", 60), List.of(undated))).isEmpty();
        assertThat(LessonOverlap.firstConflict(undated, List.of(at(1, "09:00", 60)))).isEmpty();
    }

    @Test
    void aMovedLessonDoesNotCollideWithItself() {
        assertThat(LessonOverlap.firstConflict(at(1, "09:30", 60), List.of(at(1, "09:00", 60)))).isEmpty();
        assertThat(LessonOverlap.firstConflict(at(1, "09:30", 60), List.of(at(1, "09:00", 60), at(2, "10:00", 60))))
                .map(Booking::lessonId).contains(2L);
    }

    @Test
    void theEarliestConflictIsNamed() {
        assertThat(LessonOverlap.firstConflict(at(0, "09:00", 180),
                List.of(at(7, "11:00", 60), at(5, "09:30", 30), at(6, "10:00", 60))))
                .map(Booking::lessonId).contains(5L);
    }

    @Test
    void endIsStartPlusDuration() {
        assertThat(new Booking(1, NINE, 45).end()).isEqualTo(Instant.parse("2030-03-04T09:45:00Z"));
    }
}
