package ru.repitbot.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

/**
 * The projection's merge by version: duplicates change nothing, a stale event never overwrites a newer fact, and
 * events applied in any order end in the state of applying them in order.
 */
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
                false, 3, new LessonCharge.FactVersions(3, 0, 0)));
        assertThat(change.lowersBalance()).isTrue();

        LessonCharge.Change topicOnly = LessonCharge.apply(null, 8, 1, 2, LessonFacts.none(), 2);
        assertThat(topicOnly.after().attendanceStatus()).isEqualTo(AttendanceStatus.SCHEDULED);
        assertThat(topicOnly.chargedDelta()).isZero();
    }

    @Test
    void theCreationArrivingAfterANewerUpdateFillsInOnlyWhatTheUpdateDidNotTell() {
        LessonCharge updated = LessonCharge.apply(null, 7, 1, 2,
                LessonFacts.attendance(AttendanceStatus.ATTENDED), 2).after();
        LessonCharge.Change created = LessonCharge.apply(updated, 7, 1, 2,
                LessonFacts.created(AttendanceStatus.SCHEDULED, MONDAY, false), 1);
        assertThat(created.applied()).isTrue();
        assertThat(created.after().attendanceStatus()).isEqualTo(AttendanceStatus.ATTENDED);
        assertThat(created.after().startAt()).isEqualTo(MONDAY);
        assertThat(created.after().charged()).isTrue();
        assertThat(created.chargedDelta()).isZero();
    }

    @Test
    void anOlderMoveNeverUndoesANewerOne() {
        LessonCharge movedTwice = LessonCharge.apply(at(AttendanceStatus.SCHEDULED, 1), 7, 1, 2,
                LessonFacts.movedTo(MONDAY.plusSeconds(172_800)), 3).after();
        LessonCharge.Change late = LessonCharge.apply(movedTwice, 7, 1, 2,
                LessonFacts.movedTo(MONDAY.plusSeconds(86_400)), 2);
        assertThat(late.applied()).isFalse();
        assertThat(late.after().startAt()).isEqualTo(MONDAY.plusSeconds(172_800));
    }

    /**
     * Two replicas, redeliveries: a lesson's events (creation, then attendance flips, moves, make-up dating) applied
     * in a random order end exactly where applying them in order ends. Seeded, so a failure replays.
     */
    @Test
    void eventsInAnyOrderEndInTheNewestStateOfEveryFact() {
        AttendanceStatus[] statuses = AttendanceStatus.values();
        for (long seed = 1; seed <= 500; seed++) {
            java.util.Random random = new java.util.Random(seed);
            java.util.List<LessonFacts> events = new java.util.ArrayList<>();
            boolean undated = random.nextBoolean();
            events.add(LessonFacts.created(AttendanceStatus.SCHEDULED, undated ? null : MONDAY, undated));
            int more = 1 + random.nextInt(8);
            for (int i = 0; i < more; i++) {
                LessonFacts next = switch (random.nextInt(4)) {
                    case 0 -> LessonFacts.movedTo(MONDAY.plusSeconds(3_600L * random.nextInt(200)));
                    case 1 -> LessonFacts.none().withAttendance(statuses[random.nextInt(statuses.length)])
                            .withDate(MONDAY.plusSeconds(60L * random.nextInt(1_000)));
                    case 2 -> LessonFacts.none().withMakeup(random.nextBoolean());
                    default -> LessonFacts.attendance(statuses[random.nextInt(statuses.length)]);
                };
                events.add(next);
            }
            LessonCharge inOrder = null;
            for (int v = 0; v < events.size(); v++) {
                inOrder = LessonCharge.apply(inOrder, 7, 1, 2, events.get(v), v + 1).after();
            }
            java.util.List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream
                    .range(0, events.size()).boxed().toList());
            java.util.Collections.shuffle(order, random);
            LessonCharge shuffled = null;
            for (int v : order) {
                shuffled = LessonCharge.apply(shuffled, 7, 1, 2, events.get(v), v + 1).after();
                if (random.nextInt(4) == 0) {
                    shuffled = LessonCharge.apply(shuffled, 7, 1, 2, events.get(v), v + 1).after();
                }
            }
            assertThat(shuffled).as("seed %d, order %s", seed, order).isEqualTo(inOrder);
        }
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
