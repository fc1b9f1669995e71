package ru.repitbot.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.repitbot.models.AttendanceStatus;

/**
 * Who is told what (docs/domain/notifications.md#q7-reminders, issue 11): for each occasion, the student, every parent and/or the tutor, each
 * under one switch. Whether the person's switch is on is {@link #stillTold}; the table is
 * docs/domain/notifications.md#who-is-told
 */
public final class WhoIsTold {

    /**
     * Lessons created further ahead than this are not announced: the nightly template materialisation creates
     * lessons four weeks ahead every night, and announcing each would tell a family every week about a lesson they
     * already know; the 24 h reminder still comes.
     */
    public static final Duration ANNOUNCEMENT_HORIZON = Duration.ofDays(7);

    private static final Set<AttendanceStatus> CANCELLATIONS = Set.of(AttendanceStatus.EXCUSED_ABSENCE,
            AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.RESCHEDULED);

    private WhoIsTold() {
    }

    /** Everyone told about {@code occasion} in {@code family}; each person once. Link occasions: {@link #aboutLink}. */
    public static List<Addressee> about(Occasion occasion, Family family) {
        return switch (occasion) {
            case LESSON_CREATED -> studentAndParents(family, NoticeKind.LESSON_SCHEDULED);
            case LESSON_RESCHEDULED -> studentAndParents(family, NoticeKind.LESSON_RESCHEDULED);
            case LESSON_CANCELLED -> studentAndParents(family, NoticeKind.LESSON_CANCELLED);
            case LESSON_REMINDER_24H -> studentAndParents(family, NoticeKind.LESSON_REMINDER_24H);
            case LESSON_REMINDER_1H -> studentAndParents(family, NoticeKind.LESSON_REMINDER_1H);
            // The report is about the child, for the parents; the student was there.
            case LESSON_MARKED -> parents(family, NoticeKind.LESSON_REPORT);
            case HOMEWORK_ASSIGNED -> student(family, NoticeKind.HOMEWORK_ASSIGNED);
            case HOMEWORK_ACCEPTED -> student(family, NoticeKind.HOMEWORK_ACCEPTED);
            case HOMEWORK_RETURNED -> student(family, NoticeKind.HOMEWORK_RETURNED);
            case HOMEWORK_DEADLINE -> student(family, NoticeKind.HOMEWORK_DEADLINE);
            case HOMEWORK_SUBMITTED -> tutor(family, NoticeKind.HOMEWORK_SUBMITTED);
            // Money goes to whoever pays: every parent, or the student when no parent can be reached (none linked,
            // as for an adult learner, or none with a working Telegram chat) — the old bot's "parent, else the
            // student", extended to every parent.
            case PAYMENT_CREATED -> payers(family, NoticeKind.PAYMENT_RECORDED);
            case BALANCE_LOW -> payers(family, NoticeKind.BALANCE_LOW);
            case BALANCE_DIGEST -> payers(family, NoticeKind.BALANCE_DIGEST);
            case ACHIEVEMENT_EARNED -> studentAndParents(family, NoticeKind.ACHIEVEMENT_EARNED);
            case TUTOR_LINKED, TUTOR_UNLINKED, PARENT_LINKED, PARENT_UNLINKED ->
                    throw new IllegalArgumentException(occasion + " names a linked person: use aboutLink");
        };
    }

    /**
     * A tutor or parent linked to or unlinked from a student. The student and the people who can see the child
     * are told; an unlinked parent is told too, since they just lost that access. The tutor or admin who made the
     * change is not told about their own action.
     */
    public static List<Addressee> aboutLink(Occasion occasion, long linkedUserId, Family family) {
        Map<Long, Addressee> told = new LinkedHashMap<>();
        switch (occasion) {
            case TUTOR_LINKED, TUTOR_UNLINKED -> {
                put(told, new Addressee(family.studentId(), Audience.STUDENT, NoticeKind.ACCOUNT_LINK));
                family.parentIds().forEach(p -> put(told, new Addressee(p, Audience.PARENT, NoticeKind.ACCOUNT_LINK)));
            }
            case PARENT_LINKED, PARENT_UNLINKED -> {
                put(told, new Addressee(linkedUserId, Audience.PARENT, NoticeKind.ACCOUNT_LINK));
                put(told, new Addressee(family.studentId(), Audience.STUDENT, NoticeKind.ACCOUNT_LINK));
            }
            default -> throw new IllegalArgumentException(occasion + " is not a link occasion: use about");
        }
        return List.copyOf(told.values());
    }

    /**
     * Whether an addressee is still told once switches are applied: their own switch, and for the lesson report
     * also the tutor's ({@code tutorPreferences} may be {@code null} when the tutor has never changed a switch).
     */
    public static boolean stillTold(Addressee addressee, Preferences own, Preferences tutorPreferences) {
        if (!own.isOn(addressee.kind())) {
            return false;
        }
        if (addressee.kind().tutorMaySilence()) {
            Preferences tutor = tutorPreferences == null ? Preferences.defaults() : tutorPreferences;
            return tutor.isOn(addressee.kind());
        }
        return true;
    }

    /**
     * A new lesson is news when it has a date, lies ahead and within {@link #ANNOUNCEMENT_HORIZON}; an undated
     * make-up is announced by the cancellation that made it.
     */
    public static boolean creationIsNews(Instant lessonStart, Instant now) {
        return lessonStart != null && lessonStart.isAfter(now)
                && !lessonStart.isAfter(now.plus(ANNOUNCEMENT_HORIZON));
    }

    /**
     * A cancellation is news when the lesson had not been cancelled already (switching between cancellation
     * statuses is bookkeeping) and it has not started: recording afterwards that a past lesson was missed is what
     * the lesson report says, not a cancellation.
     */
    public static boolean cancellationIsNews(AttendanceStatus previous, Instant lessonStart, Instant now) {
        return !CANCELLATIONS.contains(previous) && lessonStart != null && lessonStart.isAfter(now);
    }

    private static List<Addressee> studentAndParents(Family family, NoticeKind kind) {
        List<Addressee> told = new ArrayList<>(student(family, kind));
        told.addAll(parents(family, kind));
        return dedupe(told);
    }

    private static List<Addressee> payers(Family family, NoticeKind kind) {
        return family.hasReachableParent() ? parents(family, kind) : student(family, kind);
    }

    private static List<Addressee> student(Family family, NoticeKind kind) {
        return List.of(new Addressee(family.studentId(), Audience.STUDENT, kind));
    }

    private static List<Addressee> parents(Family family, NoticeKind kind) {
        return dedupe(family.parentIds().stream().map(p -> new Addressee(p, Audience.PARENT, kind)).toList());
    }

    private static List<Addressee> tutor(Family family, NoticeKind kind) {
        if (family.tutorId() == null) {
            throw new IllegalArgumentException(kind + " needs the tutor the event names");
        }
        return List.of(new Addressee(family.tutorId(), Audience.TUTOR, kind));
    }

    private static List<Addressee> dedupe(List<Addressee> told) {
        Map<Long, Addressee> byUser = new LinkedHashMap<>();
        told.forEach(a -> put(byUser, a));
        return List.copyOf(byUser.values());
    }

    private static void put(Map<Long, Addressee> told, Addressee addressee) {
        told.putIfAbsent(addressee.userId(), addressee);
    }
}
