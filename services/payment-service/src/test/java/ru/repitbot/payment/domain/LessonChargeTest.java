package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

/** The projection's version guard: duplicates and stale events change nothing. */
class LessonChargeTest {

    private static final Instant MONDAY = Instant.parse("2025-03-03T14:00:00Z");

    private static LessonCharge at(AttendanceStatus status, long version) {
        return new LessonCharge(7, 1, 2, status, MONDAY, false, false, version);
    }

    @Test
    void anOlderEventIsIgnored() {
        LessonCharge attended = at(AttendanceStatus.ATTENDED, 4);
        LessonCharge.Change change = LessonCharge.apply(attended, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.EXCUSED_ABSENCE), 3);
        assertThat(change.applied()).isFalse();
        assertThat(change.after()).isEqualTo(attended);
        assertThat(change.chargedDelta()).isZero();
    }

    @Test
    void theSameVersionToldAgainChangesNothing() {
        LessonCharge attended = at(AttendanceStatus.ATTENDED, 4);
        LessonCharge.Change again = LessonCharge.apply(attended, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.ATTENDED), 4);
        assertThat(again.applied()).isTrue();
        assertThat(again.after()).isEqualTo(attended);
        assertThat(again.chargedDelta()).isZero();
    }

    @Test
    void aNewerEventKeepsWhatItDoesNotMention() {
        LessonCharge attended = at(AttendanceStatus.ATTENDED, 4);
        LessonCharge moved = LessonCharge.apply(attended, 7, 1, 2,
                LessonFacts.movedTo(MONDAY.plusSeconds(86_400)), 5).after();
        assertThat(moved.attendanceStatus()).isEqualTo(AttendanceStatus.ATTENDED);
        assertThat(moved.startAt()).isEqualTo(MONDAY.plusSeconds(86_400));
        assertThat(moved.version()).isEqualTo(5);
    }

    @Test
    void anUpdateOfAnUnknownLessonStartsFromANewLesson() {
        LessonCharge.Change change = LessonCharge.apply(null, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.ATTENDED), 3);
        assertThat(change.after()).isEqualTo(new LessonCharge(7, 1, 2, AttendanceStatus.ATTENDED, null, false,
                false, 3));
        assertThat(change.lowersBalance()).isTrue();

        LessonCharge.Change topicOnly = LessonCharge.apply(null, 8, 1, 2, LessonFacts.none(), 2);
        assertThat(topicOnly.after().attendanceStatus()).isEqualTo(AttendanceStatus.SCHEDULED);
        assertThat(topicOnly.chargedDelta()).isZero();
    }

    @Test
    void theCreationArrivingAfterANewerUpdateIsStale() {
        LessonCharge updated = LessonCharge.apply(null, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.ATTENDED), 2).after();
        LessonCharge.Change created = LessonCharge.apply(updated, 7, 1, 2,
                LessonFacts.created(AttendanceStatus.SCHEDULED, MONDAY, false), 1);
        assertThat(created.applied()).isFalse();
        assertThat(created.after().charged()).isTrue();
    }

    @Test
    void aDeletedLessonStaysDeleted() {
        LessonCharge deleted = LessonCharge.apply(at(AttendanceStatus.ATTENDED, 4), 7, 1, 2, LessonFacts.deletion(),
                5).after();
        assertThat(deleted.deleted()).isTrue();
        LessonCharge later = LessonCharge.apply(deleted, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.ATTENDED), 6).after();
        assertThat(later.deleted()).isTrue();
        assertThat(later.charged()).isFalse();
    }

    @Test
    void aLessonKeepsItsStudentAndTutor() {
        LessonCharge attended = at(AttendanceStatus.ATTENDED, 1);
        LessonCharge after = LessonCharge.apply(attended, 7, 99, 98,
                LessonFacts.attendance(AttendanceStatus.UNEXCUSED_ABSENCE), 2).after();
        assertThat(after.tutorId()).isEqualTo(1);
        assertThat(after.studentId()).isEqualTo(2);
    }

    @Test
    void aCancellationMayTurnTheLessonIntoAnUndatedMakeUpLesson() {
        LessonCharge attended = at(AttendanceStatus.ATTENDED, 1);
        LessonCharge.Change change = LessonCharge.apply(attended, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.SCHEDULED).withDate(null).withMakeup(true), 2);
        assertThat(change.after().startAt()).isNull();
        assertThat(change.after().makeup()).isTrue();
        assertThat(change.chargedDelta()).isEqualTo(-1);
    }
}
