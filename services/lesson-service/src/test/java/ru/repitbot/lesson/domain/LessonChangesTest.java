package ru.repitbot.lesson.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.catalogue.Change;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.TopicMastery;

/** A lesson's intent methods return what changed, as {@code lesson.updated} tells it; the service only publishes. */
class LessonChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T15:00:00Z");
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");

    @Test
    void markingAttendanceReturnsTheStatusChange() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, NOW);

        LessonChanges changes = lesson.changeAttendance(AttendanceStatus.ATTENDED, NOW);

        assertThat(changes).isEqualTo(LessonChanges.NONE.withAttendanceStatus(AttendanceStatus.SCHEDULED,
                AttendanceStatus.ATTENDED));
        assertThat(changes.attendanceStatus().newValue()).isEqualTo(AttendanceStatus.ATTENDED);
    }

    @Test
    void aMoveTellsBothDatesInTheStudentsZone() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, NOW);

        LessonChanges changes = lesson.moveTo(START.plusSeconds(3600), KALININGRAD, NOW);

        assertThat(changes.date()).isEqualTo(Change.of(OffsetDateTime.parse("2026-12-01T17:00:00+02:00"),
                OffsetDateTime.parse("2026-12-01T18:00:00+02:00")));
        assertThat(changes.topic()).isNull();
    }

    @Test
    void settingWhatIsAlreadyThereChangesNothing() {
        Lesson lesson = Lesson.schedule(1, 2, "Дроби", START, 60, null, NOW);

        assertThat(lesson.changeTopic("Дроби", NOW).isEmpty()).isTrue();
        assertThat(lesson.changeMastery(TopicMastery.NOT_LEARNED, "устный счёт", NOW))
                .isEqualTo(LessonChanges.NONE.withMasteryComment(null, "устный счёт"));
    }
}
