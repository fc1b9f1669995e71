package ru.repitbot.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.scheduler.domain.ReminderDecision.Drop;
import ru.repitbot.scheduler.domain.ReminderDecision.DropReason;
import ru.repitbot.scheduler.domain.ReminderDecision.Send;

class ReminderPlanTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LESSON_HORIZON = ReminderKind.longestLead(ReminderKind.Target.LESSON);

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    /** The run at {@code now} of a job that last covered up to a minute earlier. */
    private static ReminderWindow minuteBefore(Instant now) {
        return ReminderWindow.after(now.minus(MINUTE), now, LESSON_HORIZON);
    }

    private static Optional<ReminderDecision> decide(ReminderTarget lesson, ReminderKind kind, ReminderWindow window,
            Instant now) {
        return ReminderPlan.decide(lesson, kind, window, now);
    }

    @Test
    void aLessonIsRemindedTwentyFourHoursAndOneHourBeforeItStarts() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        ReminderTarget lesson = ReminderTarget.lesson(42, start, true, Instant.parse("2026-12-01T10:00:00Z"));
        Instant dayBefore = start.minus(Duration.ofHours(24));
        assertThat(decide(lesson, ReminderKind.LESSON_24H, minuteBefore(dayBefore), dayBefore)).get()
                .isEqualTo(new Send(ReminderKind.LESSON_24H, 42, start, dayBefore,
                        "reminder:lesson_reminder_24h:lesson:42:" + start.getEpochSecond(), false));
        Instant hourBefore = start.minus(Duration.ofHours(1));
        assertThat(decide(lesson, ReminderKind.LESSON_1H, minuteBefore(hourBefore), hourBefore)).get()
                .isInstanceOf(Send.class);
        assertThat(decide(lesson, ReminderKind.LESSON_24H, minuteBefore(hourBefore), hourBefore))
                .as("not this run's moment").isEmpty();
    }

    @Test
    void twentyFourHoursBeforeIsTwentyFourRealHoursAcrossADaylightSavingChange() {
        // Berlin springs forward on 2026-03-29: a Sunday 18:00 lesson is reminded on Saturday at 17:00 local.
        Instant berlinLesson = at("2026-03-29T18:00", BERLIN);
        assertThat(berlinLesson.minus(ReminderKind.LESSON_24H.lead())).isEqualTo(at("2026-03-28T17:00", BERLIN));
        assertThat(sentAt(berlinLesson, ReminderKind.LESSON_24H)).isEqualTo(at("2026-03-28T17:00", BERLIN));
        // New York falls back on 2026-11-01: a Sunday 18:00 lesson is reminded on Saturday at 19:00 local.
        Instant newYorkLesson = at("2026-11-01T18:00", NEW_YORK);
        assertThat(sentAt(newYorkLesson, ReminderKind.LESSON_24H)).isEqualTo(at("2026-10-31T19:00", NEW_YORK));
        // The 1 h reminder right after the spring change: 03:30 local is one real hour after 01:30 local.
        Instant earlyLesson = at("2026-03-08T03:30", NEW_YORK);
        assertThat(sentAt(earlyLesson, ReminderKind.LESSON_1H)).isEqualTo(at("2026-03-08T01:30", NEW_YORK));
    }

    /** Runs the job every minute around the reminder and returns when it first said Send. */
    private static Instant sentAt(Instant start, ReminderKind kind) {
        ReminderTarget lesson = ReminderTarget.lesson(1, start, true, null);
        Instant covered = start.minus(Duration.ofHours(30));
        for (Instant now = covered.plus(MINUTE); now.isBefore(start); now = now.plus(MINUTE)) {
            Optional<ReminderDecision> decision = decide(lesson, kind,
                    ReminderWindow.after(covered, now, LESSON_HORIZON), now);
            covered = now;
            if (decision.isPresent() && decision.get() instanceof Send) {
                return now;
            }
        }
        throw new AssertionError("never sent");
    }

    @Test
    void aLessonMovedAfterItsReminderWasDueIsRemindedAtItsNewTimeOnly() {
        Instant oldStart = Instant.parse("2026-12-08T15:00:00Z");
        Instant newStart = Instant.parse("2026-12-09T17:00:00Z");
        Instant movedAt = Instant.parse("2026-12-07T09:00:00Z");
        ReminderTarget asNow = ReminderTarget.lesson(42, newStart, true, movedAt);
        Instant oldMoment = oldStart.minus(Duration.ofHours(24));
        assertThat(decide(asNow, ReminderKind.LESSON_24H, minuteBefore(oldMoment), oldMoment))
                .as("nothing at the old time").isEmpty();
        Instant newMoment = newStart.minus(Duration.ofHours(24));
        Send send = (Send) decide(asNow, ReminderKind.LESSON_24H, minuteBefore(newMoment), newMoment).orElseThrow();
        assertThat(send.at()).isEqualTo(newStart);
        assertThat(send.idempotencyKey()).isNotEqualTo(ReminderPlan.idempotencyKey(ReminderKind.LESSON_24H, 42,
                oldStart));
    }

    @Test
    void aCancelledLessonIsNotRemindedAndAnUndatedMakeUpHasNoReminder() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        Instant moment = start.minus(Duration.ofHours(1));
        assertThat(decide(ReminderTarget.lesson(42, start, false, null), ReminderKind.LESSON_1H, minuteBefore(moment),
                moment)).get().isEqualTo(new Drop(ReminderKind.LESSON_1H, 42, moment, DropReason.NO_LONGER_OPEN));
        assertThat(decide(ReminderTarget.lesson(43, null, true, null), ReminderKind.LESSON_1H, minuteBefore(moment),
                moment)).isEmpty();
    }

    @Test
    void afterDowntimeAPassedReminderIsStillSentIfTheLessonHasNotStarted() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        ReminderTarget lesson = ReminderTarget.lesson(42, start, true, null);
        Instant downSince = start.minus(Duration.ofHours(26));
        Instant backAt = start.minus(Duration.ofHours(20));
        ReminderWindow catchUp = ReminderWindow.after(downSince, backAt, LESSON_HORIZON);
        Send late = (Send) decide(lesson, ReminderKind.LESSON_24H, catchUp, backAt).orElseThrow();
        assertThat(late.late()).isTrue();
    }

    @Test
    void afterDowntimeAReminderOfALessonThatHasStartedIsDroppedWithAReason() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        ReminderTarget lesson = ReminderTarget.lesson(42, start, true, null);
        Instant backAt = start.plus(Duration.ofMinutes(10));
        ReminderWindow catchUp = ReminderWindow.after(start.minus(Duration.ofHours(2)), backAt, LESSON_HORIZON);
        assertThat(ReminderPlan.plan(List.of(lesson), catchUp, backAt)).containsExactly(
                new Drop(ReminderKind.LESSON_1H, 42, start.minus(Duration.ofHours(1)), DropReason.ALREADY_STARTED));
    }

    @Test
    void whenBothMomentsPassedDuringDowntimeOnlyTheOneHourReminderIsSent() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        ReminderTarget lesson = ReminderTarget.lesson(42, start, true, null);
        Instant backAt = start.minus(Duration.ofMinutes(30));
        ReminderWindow catchUp = ReminderWindow.after(start.minus(Duration.ofHours(30)), backAt, LESSON_HORIZON);
        List<ReminderDecision> decisions = ReminderPlan.plan(List.of(lesson), catchUp, backAt);
        assertThat(decisions).hasSize(2);
        assertThat(decisions).filteredOn(d -> d instanceof Send).singleElement()
                .matches(d -> ((Send) d).kind() == ReminderKind.LESSON_1H);
        assertThat(decisions).filteredOn(d -> d instanceof Drop).singleElement()
                .matches(d -> ((Drop) d).reason() == DropReason.SUPERSEDED);
    }

    @Test
    void aLessonGivenItsTimeAfterTheMomentIsNotRemindedLateForIt() {
        Instant start = Instant.parse("2026-12-08T15:00:00Z");
        Instant createdAt = start.minus(Duration.ofHours(5));
        ReminderTarget lesson = ReminderTarget.lesson(42, start, true, createdAt);
        Instant backAt = start.minus(Duration.ofHours(4));
        ReminderWindow catchUp = ReminderWindow.after(start.minus(Duration.ofHours(30)), backAt, LESSON_HORIZON);
        assertThat(ReminderPlan.plan(List.of(lesson), catchUp, backAt)).singleElement()
                .isEqualTo(new Drop(ReminderKind.LESSON_24H, 42, start.minus(Duration.ofHours(24)),
                        DropReason.SET_AFTER_MOMENT));
    }

    @Test
    void homeworkIsRemindedADayBeforeItsDeadlineWhilePending() {
        Instant deadline = Instant.parse("2026-12-10T20:59:00Z");
        Instant moment = deadline.minus(Duration.ofHours(24));
        ReminderWindow window = ReminderWindow.after(moment.minus(Duration.ofMinutes(5)), moment,
                ReminderKind.longestLead(ReminderKind.Target.HOMEWORK));
        assertThat(ReminderPlan.plan(List.of(ReminderTarget.homework(7, deadline, true, null)), window, moment))
                .singleElement().isEqualTo(new Send(ReminderKind.HOMEWORK_DEADLINE_24H, 7, deadline, moment,
                        "reminder:homework_deadline:homework:7:" + deadline.getEpochSecond(), false));
        assertThat(ReminderPlan.plan(List.of(ReminderTarget.homework(7, deadline, false, null)), window, moment))
                .singleElement().matches(d -> ((Drop) d).reason() == DropReason.NO_LONGER_OPEN);
        assertThatThrownBy(() -> ReminderPlan.decide(ReminderTarget.homework(7, deadline, true, null),
                ReminderKind.LESSON_1H, window, moment)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsReachBackNoFurtherThanTheLongestLeadAndFetchTheRightLessons() {
        Instant now = Instant.parse("2026-12-08T15:00:00Z");
        assertThat(ReminderWindow.after(null, now, LESSON_HORIZON).from()).isEqualTo(now.minus(LESSON_HORIZON));
        assertThat(ReminderWindow.after(now.minus(Duration.ofDays(10)), now, LESSON_HORIZON).from())
                .isEqualTo(now.minus(LESSON_HORIZON));
        assertThat(ReminderWindow.after(now.plusSeconds(5), now, LESSON_HORIZON).isEmpty())
                .as("a clock that went back").isTrue();
        ReminderWindow window = new ReminderWindow(now.minus(MINUTE), now);
        assertThat(window.targetsFor(Duration.ofHours(24)))
                .isEqualTo(new ReminderWindow(now.minus(MINUTE).plus(Duration.ofHours(24)), now.plus(Duration.ofHours(24))));
        assertThatThrownBy(() -> new ReminderWindow(now, now.minus(MINUTE))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Property: lessons created, moved and cancelled at random; a scheduler that runs every minute but is down at
     * random stretches, sometimes runs twice (two replicas, a restart before it recorded its progress). Every
     * reminder request goes through an idempotent store keyed as notification-service's queue is. Then:
     * nobody gets one reminder twice, nothing is reminded of a time the lesson no longer has, and every reminder
     * whose moment passed while the lesson was scheduled at that time, set before the moment and not superseded, and
     * that some run reached before the lesson began, was sent.
     */
    @Test
    void propertyEachReminderAtMostOnceAndOnlyForTheLessonAsItIs() {
        Random random = new Random(20261206L);
        for (int round = 0; round < 40; round++) {
            Instant t0 = Instant.parse("2026-03-20T00:00:00Z").plus(Duration.ofHours(random.nextInt(2000)));
            Map<Long, ReminderTarget> lessons = new HashMap<>();
            for (long id = 1; id <= 15; id++) {
                Instant start = t0.plus(Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60)));
                lessons.put(id, ReminderTarget.lesson(id, start, true, t0));
            }
            Set<String> queued = new HashSet<>();
            List<Send> delivered = new ArrayList<>();
            Set<Long> touched = new HashSet<>();
            java.util.TreeSet<Instant> runs = new java.util.TreeSet<>();
            Instant covered = null;
            boolean down = false;
            Instant end = t0.plus(Duration.ofDays(4));
            for (Instant now = t0; now.isBefore(end); now = now.plus(MINUTE)) {
                if (random.nextInt(500) == 0) {
                    long id = 1 + random.nextInt(15);
                    touched.add(id);
                    ReminderTarget old = lessons.get(id);
                    lessons.put(id, random.nextBoolean()
                            ? ReminderTarget.lesson(id, now.plus(Duration.ofMinutes(30 + random.nextInt(2 * 24 * 60))),
                                    true, now)
                            : ReminderTarget.lesson(id, old.at(), false, old.atSetAt()));
                }
                if (random.nextInt(300) == 0) {
                    down = !down;
                }
                if (down) {
                    continue;
                }
                runs.add(now);
                int replicas = random.nextInt(20) == 0 ? 2 : 1;
                for (int run = 0; run < replicas; run++) {
                    ReminderWindow window = ReminderWindow.after(covered, now, LESSON_HORIZON);
                    for (ReminderDecision decision : ReminderPlan.plan(List.copyOf(lessons.values()), window, now)) {
                        if (decision instanceof Send send) {
                            ReminderTarget current = lessons.get(send.targetId());
                            assertThat(current.open()).isTrue();
                            assertThat(send.at()).isEqualTo(current.at()).isAfter(now);
                            if (queued.add(send.idempotencyKey())) {
                                delivered.add(send);
                            }
                        }
                    }
                }
                covered = now;
            }
            assertThat(delivered).extracting(Send::idempotencyKey).doesNotHaveDuplicates();
            Set<String> sent = new HashSet<>(queued);
            int expectedSent = 0;
            for (ReminderTarget lesson : lessons.values()) {
                if (touched.contains(lesson.id())) {
                    continue;
                }
                for (ReminderKind kind : List.of(ReminderKind.LESSON_24H, ReminderKind.LESSON_1H)) {
                    Instant moment = lesson.at().minus(kind.lead());
                    Instant reached = runs.ceiling(moment);
                    String key = ReminderPlan.idempotencyKey(kind, lesson.id(), lesson.at());
                    boolean expected = reached != null && reached.isBefore(lesson.at())
                            && !lesson.atSetAt().isAfter(moment)
                            && !(kind == ReminderKind.LESSON_24H
                                    && !reached.isBefore(lesson.at().minus(Duration.ofHours(1))));
                    assertThat(sent.contains(key)).as("round %d %s %s reached %s", round, key, kind, reached)
                            .isEqualTo(expected);
                    expectedSent += expected ? 1 : 0;
                }
            }
            assertThat(expectedSent).as("round %d checks something", round).isPositive();
        }
    }
}
