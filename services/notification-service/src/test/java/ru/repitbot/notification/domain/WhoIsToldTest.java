package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.AttendanceStatus;

class WhoIsToldTest {

    private static final long STUDENT = 10;
    private static final long MOTHER = 20;
    private static final long FATHER = 21;
    private static final long TUTOR = 30;
    private static final Family TWO_PARENTS = new Family(STUDENT, List.of(MOTHER, FATHER), TUTOR);
    private static final Family NO_PARENTS = new Family(STUDENT, List.of(), TUTOR);
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void lessonRemindersGoToTheStudentAndEveryParent() {
        assertThat(WhoIsTold.about(Occasion.LESSON_REMINDER_24H, TWO_PARENTS))
                .extracting(Addressee::userId, Addressee::audience, Addressee::kind)
                .containsExactly(tuple(STUDENT, Audience.STUDENT, NoticeKind.LESSON_REMINDER_24H),
                        tuple(MOTHER, Audience.PARENT, NoticeKind.LESSON_REMINDER_24H),
                        tuple(FATHER, Audience.PARENT, NoticeKind.LESSON_REMINDER_24H));
        assertThat(WhoIsTold.about(Occasion.LESSON_REMINDER_1H, TWO_PARENTS)).extracting(Addressee::kind)
                .containsOnly(NoticeKind.LESSON_REMINDER_1H).hasSize(3);
    }

    @Test
    void lessonChangesGoToTheStudentAndEveryParentButNotTheTutorWhoMadeThem() {
        for (Occasion occasion : List.of(Occasion.LESSON_CREATED, Occasion.LESSON_RESCHEDULED,
                Occasion.LESSON_CANCELLED, Occasion.ACHIEVEMENT_EARNED)) {
            assertThat(WhoIsTold.about(occasion, TWO_PARENTS)).extracting(Addressee::userId)
                    .as(occasion.name()).containsExactly(STUDENT, MOTHER, FATHER);
        }
        assertThat(WhoIsTold.about(Occasion.LESSON_CREATED, TWO_PARENTS)).extracting(Addressee::kind)
                .containsOnly(NoticeKind.LESSON_SCHEDULED);
    }

    @Test
    void theLessonReportGoesToParentsOnlyAndToNobodyWithoutParents() {
        assertThat(WhoIsTold.about(Occasion.LESSON_MARKED, TWO_PARENTS))
                .extracting(Addressee::userId, Addressee::kind)
                .containsExactly(tuple(MOTHER, NoticeKind.LESSON_REPORT), tuple(FATHER, NoticeKind.LESSON_REPORT));
        assertThat(WhoIsTold.about(Occasion.LESSON_MARKED, NO_PARENTS)).isEmpty();
    }

    @Test
    void homeworkNewsGoesToTheStudentAndSubmissionsToTheTutor() {
        assertThat(WhoIsTold.about(Occasion.HOMEWORK_ASSIGNED, TWO_PARENTS))
                .containsExactly(new Addressee(STUDENT, Audience.STUDENT, NoticeKind.HOMEWORK_ASSIGNED));
        assertThat(WhoIsTold.about(Occasion.ofHomeworkCheck(true), TWO_PARENTS))
                .containsExactly(new Addressee(STUDENT, Audience.STUDENT, NoticeKind.HOMEWORK_ACCEPTED));
        assertThat(WhoIsTold.about(Occasion.ofHomeworkCheck(false), TWO_PARENTS))
                .containsExactly(new Addressee(STUDENT, Audience.STUDENT, NoticeKind.HOMEWORK_RETURNED));
        assertThat(WhoIsTold.about(Occasion.HOMEWORK_DEADLINE, TWO_PARENTS))
                .containsExactly(new Addressee(STUDENT, Audience.STUDENT, NoticeKind.HOMEWORK_DEADLINE));
        assertThat(WhoIsTold.about(Occasion.HOMEWORK_SUBMITTED, TWO_PARENTS))
                .containsExactly(new Addressee(TUTOR, Audience.TUTOR, NoticeKind.HOMEWORK_SUBMITTED));
        assertThatThrownBy(() -> WhoIsTold.about(Occasion.HOMEWORK_SUBMITTED, new Family(STUDENT, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyGoesToEveryParentOrToTheStudentWhoHasNone() {
        for (Occasion occasion : List.of(Occasion.PAYMENT_CREATED, Occasion.BALANCE_LOW, Occasion.BALANCE_DIGEST)) {
            assertThat(WhoIsTold.about(occasion, TWO_PARENTS)).extracting(Addressee::userId)
                    .as(occasion.name()).containsExactly(MOTHER, FATHER);
            assertThat(WhoIsTold.about(occasion, NO_PARENTS)).extracting(Addressee::userId, Addressee::audience)
                    .as(occasion.name()).containsExactly(tuple(STUDENT, Audience.STUDENT));
        }
    }

    @Test
    void moneyFallsBackToTheStudentWhenNoParentCanBeReached() {
        Family oneReachable = new Family(STUDENT, List.of(MOTHER, FATHER), TUTOR, java.util.Set.of(MOTHER));
        assertThat(WhoIsTold.about(Occasion.BALANCE_LOW, oneReachable)).extracting(Addressee::userId)
                .as("the unreachable parent is still addressed, so the tutor sees the failure")
                .containsExactly(MOTHER, FATHER);
        Family noneReachable = new Family(STUDENT, List.of(MOTHER, FATHER), TUTOR, java.util.Set.of(MOTHER, FATHER));
        assertThat(WhoIsTold.about(Occasion.BALANCE_LOW, noneReachable)).extracting(Addressee::userId)
                .containsExactly(STUDENT);
        assertThat(WhoIsTold.about(Occasion.LESSON_REMINDER_24H, noneReachable)).extracting(Addressee::userId)
                .as("reminders do not fall back: the student gets their own anyway")
                .containsExactly(STUDENT, MOTHER, FATHER);
    }

    @Test
    void aParentListedTwiceIsToldOnce() {
        Family twice = new Family(STUDENT, List.of(MOTHER, MOTHER), TUTOR);
        assertThat(WhoIsTold.about(Occasion.LESSON_CANCELLED, twice)).extracting(Addressee::userId)
                .containsExactly(STUDENT, MOTHER);
    }

    @Test
    void linksTellTheStudentAndThoseWhoSeeTheChildIncludingAParentWhoJustLostAccess() {
        assertThat(WhoIsTold.aboutLink(Occasion.TUTOR_LINKED, TUTOR, TWO_PARENTS)).extracting(Addressee::userId)
                .containsExactly(STUDENT, MOTHER, FATHER);
        Family afterUnlink = new Family(STUDENT, List.of(FATHER), TUTOR);
        assertThat(WhoIsTold.aboutLink(Occasion.PARENT_UNLINKED, MOTHER, afterUnlink))
                .extracting(Addressee::userId, Addressee::audience, Addressee::kind)
                .containsExactly(tuple(MOTHER, Audience.PARENT, NoticeKind.ACCOUNT_LINK),
                        tuple(STUDENT, Audience.STUDENT, NoticeKind.ACCOUNT_LINK));
        assertThat(WhoIsTold.aboutLink(Occasion.PARENT_LINKED, MOTHER, TWO_PARENTS)).hasSize(2);
        assertThatThrownBy(() -> WhoIsTold.about(Occasion.PARENT_LINKED, TWO_PARENTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhoIsTold.aboutLink(Occasion.LESSON_CREATED, 1, TWO_PARENTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyOccasionHasAnAnswer() {
        for (Occasion occasion : Occasion.values()) {
            List<Addressee> told = occasion.name().contains("LINKED")
                    ? WhoIsTold.aboutLink(occasion, MOTHER, TWO_PARENTS)
                    : WhoIsTold.about(occasion, TWO_PARENTS);
            assertThat(told).as(occasion.name()).isNotEmpty();
        }
    }

    @Test
    void switchesSilenceTheirKindAndTheTutorMaySilenceReportsToParents() {
        Addressee report = new Addressee(MOTHER, Audience.PARENT, NoticeKind.LESSON_REPORT);
        Preferences defaults = Preferences.defaults();
        Preferences noReports = defaults.withSwitch(NoticeKind.LESSON_REPORT, false);
        assertThat(WhoIsTold.stillTold(report, defaults, null)).isTrue();
        assertThat(WhoIsTold.stillTold(report, noReports, defaults)).isFalse();
        assertThat(WhoIsTold.stillTold(report, defaults, noReports)).as("the tutor switched reports off").isFalse();

        Addressee reminder = new Addressee(MOTHER, Audience.PARENT, NoticeKind.LESSON_REMINDER_24H);
        assertThat(WhoIsTold.stillTold(reminder, defaults,
                defaults.withSwitch(NoticeKind.LESSON_REMINDER_24H, false)))
                .as("a tutor cannot silence a family's reminders").isTrue();
        assertThat(WhoIsTold.stillTold(reminder, defaults.withSwitch(NoticeKind.LESSON_REMINDER_24H, false), null))
                .isFalse();
    }

    @Test
    void aNewLessonIsNewsWhenDatedAheadAndWithinAWeek() {
        assertThat(WhoIsTold.creationIsNews(NOW.plus(Duration.ofDays(2)), NOW)).isTrue();
        assertThat(WhoIsTold.creationIsNews(NOW.plus(WhoIsTold.ANNOUNCEMENT_HORIZON), NOW)).isTrue();
        assertThat(WhoIsTold.creationIsNews(NOW.plus(Duration.ofDays(28)), NOW))
                .as("materialised four weeks ahead").isFalse();
        assertThat(WhoIsTold.creationIsNews(NOW.minusSeconds(60), NOW)).as("entered after the fact").isFalse();
        assertThat(WhoIsTold.creationIsNews(null, NOW)).as("undated make-up").isFalse();
    }

    @Test
    void aCancellationIsNewsOnceAndOnlyBeforeTheLesson() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        assertThat(WhoIsTold.cancellationIsNews(AttendanceStatus.SCHEDULED, tomorrow, NOW)).isTrue();
        assertThat(WhoIsTold.cancellationIsNews(AttendanceStatus.EXCUSED_ABSENCE, tomorrow, NOW))
                .as("excused → rescheduled is bookkeeping").isFalse();
        assertThat(WhoIsTold.cancellationIsNews(AttendanceStatus.SCHEDULED, NOW.minusSeconds(3600), NOW))
                .as("a missed lesson recorded afterwards").isFalse();
    }
}
