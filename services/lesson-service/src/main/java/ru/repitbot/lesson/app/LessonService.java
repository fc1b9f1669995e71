package ru.repitbot.lesson.app;

import ru.repitbot.lesson.api.CancellationResponse;
import ru.repitbot.lesson.api.LessonRequests;
import ru.repitbot.lesson.api.LessonResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotencyKeys;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.access.AccessDirectory;
import ru.repitbot.lesson.db.LessonRepository;
import ru.repitbot.lesson.db.LessonSearch;
import ru.repitbot.lesson.db.TutorLocks;
import ru.repitbot.lesson.db.VacatedSlots;
import ru.repitbot.lesson.domain.AttendanceRules;
import ru.repitbot.lesson.domain.Cancellation;
import ru.repitbot.lesson.domain.Lesson;
import ru.repitbot.lesson.domain.LessonOverlap;
import ru.repitbot.lesson.events.LessonEventPublisher;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.models.time.DateRange;
import ru.repitbot.models.time.DateTimeInput;

/**
 * The lesson use cases: each one transaction that checks the caller, applies the rules of {@code domain}, and
 * writes its events to the outbox. Every change of a tutor's timetable holds that tutor's advisory lock.
 */
@Service
public class LessonService {

    private final LessonRepository lessons;
    private final LessonSearch search;
    private final LessonPolicy policy;
    private final StudentAccess access;
    private final AccessDirectory directory;
    private final TutorLocks locks;
    private final VacatedSlots vacated;
    private final IdempotencyKeys idempotencyKeys;
    private final LessonEventPublisher events;
    private final Zones zones;
    private final Clock clock;

    public LessonService(LessonRepository lessons, LessonSearch search, LessonPolicy policy, StudentAccess access,
            AccessDirectory directory, TutorLocks locks, VacatedSlots vacated, IdempotencyKeys idempotencyKeys,
            LessonEventPublisher events, Zones zones, Clock clock) {
        this.lessons = lessons;
        this.search = search;
        this.policy = policy;
        this.access = access;
        this.directory = directory;
        this.locks = locks;
        this.vacated = vacated;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.zones = zones;
        this.clock = clock;
    }

    /** A created lesson, or the lesson an earlier request with the same {@code Idempotency-Key} created. */
    public record Creation(LessonResponse lesson, boolean replayed) {
    }

    @Transactional
    public Creation create(CurrentUser caller, LessonRequests.Create request, String idempotencyKey) {
        caller.require(Role.TUTOR, Role.ADMIN);
        long studentId = request.studentId();
        long tutorId = tutorFor(caller, request.tutorId(), studentId);
        ZoneId zone = zones.of(studentId);
        Instant start = DateTimeInput.dateTime("start_at", request.startAt(), zone);
        String topic = topic(request.topic());
        int duration = request.durationMinutes() == null ? Lesson.DEFAULT_DURATION_MINUTES
                : request.durationMinutes();
        String skills = blankToNull(request.skillsDeveloped());
        Instant now = clock.instant();

        IdempotencyKeys.Claim claim = idempotencyKeys.claim(caller.actorId(), Idempotency.parseKey(idempotencyKey),
                Idempotency.fingerprint(studentId, tutorId, topic, start, duration, skills));
        if (claim.isReplay()) {
            Lesson first = lessons.findById(claim.replayId())
                    .orElseThrow(() -> new NotFoundException("lesson", claim.replayId()));
            return new Creation(LessonResponse.of(first, zone), true);
        }

        locks.lockTimetableOf(tutorId);
        requireFree(tutorId, new LessonOverlap.Booking(0, start, duration));
        Lesson lesson = lessons.saveAndFlush(Lesson.schedule(tutorId, studentId, topic, start, duration, skills,
                now));
        idempotencyKeys.complete(claim, lesson.id());
        events.created(lesson, zone);
        return new Creation(LessonResponse.of(lesson, zone), false);
    }

    @Transactional(readOnly = true)
    public LessonResponse get(CurrentUser caller, long lessonId) {
        Lesson lesson = policy.readable(caller, lessonId);
        return LessonResponse.of(lesson, zones.of(lesson.studentId()));
    }

    @Transactional(readOnly = true)
    public PageResponse<LessonResponse> list(CurrentUser caller, Long studentId, Long tutorId,
            Collection<AttendanceStatus> statuses, String from, String to, String order, Integer page,
            Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        boolean ascending = ascending(order);
        Collection<Long> students;
        Long tutorFilter = tutorId;
        if (caller.seesEverything()) {
            students = studentId == null ? null : List.of(studentId);
        } else if (caller.is(Role.TUTOR)) {
            if (tutorId != null && tutorId != caller.id()) {
                throw new NotFoundException("tutor", tutorId);
            }
            tutorFilter = caller.id();
            students = visibleOrAll(caller, studentId);
        } else if (caller.is(Role.STUDENT)) {
            if (studentId != null && studentId != caller.id()) {
                throw new NotFoundException("student", studentId);
            }
            students = List.of(caller.id());
        } else {
            students = visibleOrAll(caller, studentId);
        }
        // A filter naming a tutor the caller may not see is answered like a path id: 404 (docs contracts.md).
        if (tutorId != null && !caller.seesEverything() && !caller.is(Role.TUTOR)
                && students.stream().noneMatch(s -> directory.isTutorOf(tutorId, s))) {
            throw new NotFoundException("tutor", tutorId);
        }
        ZoneId boundsZone = studentId != null ? zones.of(studentId) : zones.installationDefault();
        DateRange range = DateRange.parse(from, to, boundsZone);
        if (students != null && students.isEmpty()) {
            return PageResponse.of(List.of(), 0, paging.page(), paging.size());
        }
        LessonSearch.Page found = search.search(
                new LessonSearch.Filter(students, tutorFilter, range.from(), range.until(), statuses, ascending), paging);
        Map<Long, ZoneId> zoneByStudent = zones.of(found.items().stream().map(Lesson::studentId).toList());
        return PageResponse.of(found.items().stream()
                .map(l -> LessonResponse.of(l, zoneByStudent.get(l.studentId()))).toList(),
                found.total(), paging.page(), paging.size());
    }

    @Transactional
    public LessonResponse update(CurrentUser caller, long lessonId, LessonRequests.Update request) {
        Lesson lesson = policy.writable(caller, lessonId);
        ZoneId zone = zones.of(lesson.studentId());
        Instant now = clock.instant();
        LessonChanges changes = LessonChanges.NONE;

        Instant newStart = request.startAt() == null ? lesson.startAt()
                : DateTimeInput.dateTime("start_at", request.startAt(), zone);
        int newDuration = request.durationMinutes() == null ? lesson.durationMinutes() : request.durationMinutes();
        if (!Objects.equals(newStart, lesson.startAt()) || newDuration != lesson.durationMinutes()) {
            locks.lockTimetableOf(lesson.tutorId());
            requireFree(lesson.tutorId(), new LessonOverlap.Booking(lesson.id(), newStart, newDuration));
            if (!Objects.equals(newStart, lesson.startAt())) {
                vacate(lesson, now);
                changes = changes.and(lesson.moveTo(newStart, zone, now));
            }
            if (newDuration != lesson.durationMinutes()) {
                changes = changes.and(lesson.changeDuration(newDuration, now));
            }
        }
        if (request.topic() != null) {
            String topic = topic(request.topic());
            if (!topic.equals(lesson.topic())) {
                changes = changes.and(lesson.changeTopic(topic, now));
            }
        }
        if (request.skillsDeveloped() != null) {
            String skills = blankToNull(request.skillsDeveloped());
            if (!Objects.equals(skills, lesson.skillsDeveloped())) {
                changes = changes.and(lesson.changeSkills(skills, now));
            }
        }
        if (request.lessonStatus() != null && request.lessonStatus() != lesson.lessonStatus()) {
            changes = changes.and(lesson.changeConduct(request.lessonStatus(), now));
        }
        lessons.flush();
        events.updated(lesson, changes);
        return LessonResponse.of(lesson, zone);
    }

    @Transactional
    public void delete(CurrentUser caller, long lessonId) {
        Lesson lesson = policy.writable(caller, lessonId);
        vacate(lesson, clock.instant());
        lessons.delete(lesson);
        lessons.flush();
        events.deleted(lesson);
    }

    /**
     * Records attendance (docs/domain/lessons.md, "Attendance and charges"): the same status changes nothing; an undated
     * make-up cannot be marked (409); a move into a cancellation status from {@code scheduled} or {@code attended}
     * is a cancellation and moves the topic on ({@link #cancel}); becoming {@code attended} also emits
     * {@code lesson.conducted}. Points, streaks and the balance are other services' consequences of the events.
     */
    @Transactional
    public LessonResponse setAttendance(CurrentUser caller, long lessonId, AttendanceStatus status) {
        Lesson lesson = policy.writable(caller, lessonId);
        ZoneId zone = zones.of(lesson.studentId());
        AttendanceStatus previous = lesson.attendanceStatus();
        if (previous == status) {
            return LessonResponse.of(lesson, zone);
        }
        requireMarkable(lesson);
        if (AttendanceRules.isCancellation(status) && !AttendanceRules.isCancellation(previous)) {
            return cancelOccurrence(lesson, status, lesson.cancellationReason(), zone).lesson();
        }
        Instant now = clock.instant();
        requireFreeIfItReturns(lesson, status);
        LessonChanges changes = lesson.changeAttendance(status, now);
        lessons.flush();
        events.updated(lesson, changes);
        if (AttendanceRules.becomesAttended(previous, status)) {
            events.conducted(lesson, previous, zone);
        }
        return LessonResponse.of(lesson, zone);
    }

    /**
     * Cancels an occurrence (docs/domain/lessons.md, "Cancelling a lesson"): the lesson stays at its date with the
     * cancellation status (charged when the status is), and its topic moves to the next lesson not yet marked,
     * theirs one on, the last into a new undated make-up lesson. Cancelling a lesson already cancelled only
     * changes its status and reason: a topic moves once.
     */
    @Transactional
    public CancellationResponse cancel(CurrentUser caller, long lessonId, LessonRequests.Cancel request) {
        Lesson lesson = policy.writable(caller, lessonId);
        AttendanceStatus status = request.attendanceStatus() == null ? AttendanceStatus.EXCUSED_ABSENCE
                : request.attendanceStatus();
        if (!AttendanceRules.isCancellation(status)) {
            throw new InvalidFieldException("attendance_status",
                    "must be one of [excused_absence, unexcused_absence, rescheduled]");
        }
        if (!lesson.isDated()) {
            throw new ConflictException("An undated make-up lesson has no date to cancel; give it a date first "
                    + "(POST /api/v1/lessons/" + lessonId + "/reschedule)");
        }
        ZoneId zone = zones.of(lesson.studentId());
        String reason = request.reason() == null ? lesson.cancellationReason() : blankToNull(request.reason());
        if (status == lesson.attendanceStatus() && Objects.equals(reason, lesson.cancellationReason())) {
            return new CancellationResponse(LessonResponse.of(lesson, zone), List.of(), null);
        }
        return cancelOccurrence(lesson, status, reason, zone);
    }

    /**
     * The aggregate decides what the cancellation does ({@link Lesson#cancel}); this loads the chain it needs
     * under the tutor's timetable lock, stores the make-up lesson it makes, and publishes what it returns.
     */
    private CancellationResponse cancelOccurrence(Lesson lesson, AttendanceStatus status, String reason,
            ZoneId zone) {
        List<Lesson> chain = List.of();
        if (lesson.cancellationMovesTopic(status)) {
            locks.lockTimetableOf(lesson.tutorId());
            chain = lessons.findChainFrom(lesson.tutorId(), lesson.studentId(), lesson.startAt());
        }
        Cancellation cancellation = lesson.cancel(status, reason, chain, lessons::save, zone, clock.instant());
        lessons.flush();
        events.publish(cancellation, zone);
        return new CancellationResponse(LessonResponse.of(lesson, zone), cancellation.topicMoves().stream()
                .map(m -> new CancellationResponse.TopicMove(m.fromLessonId(), m.toLessonId(), m.topic())).toList(),
                cancellation.event().makeupLessonId());
    }

    /**
     * A plain move to a new time in the future (docs/domain/lessons.md#rescheduling-and-moving), without shifting anything; the first one remembers the
     * original time, and the slot it leaves is not refilled from the weekly template. Also how an undated make-up
     * lesson gets its date. A lesson with attendance recorded is history and keeps its date (409).
     */
    @Transactional
    public LessonResponse reschedule(CurrentUser caller, long lessonId, LessonRequests.Reschedule request) {
        Lesson lesson = policy.writable(caller, lessonId);
        ZoneId zone = zones.of(lesson.studentId());
        Instant now = clock.instant();
        Instant start = DateTimeInput.dateTime("start_at", request.startAt(), zone);
        if (!start.isAfter(now)) {
            throw new InvalidFieldException("start_at", "must be in the future");
        }
        if (lesson.attendanceStatus() != AttendanceStatus.SCHEDULED) {
            throw new ConflictException("This lesson is already marked " + lesson.attendanceStatus().value()
                    + " and keeps its date; only a lesson not yet marked can be rescheduled");
        }
        if (start.equals(lesson.startAt())) {
            return LessonResponse.of(lesson, zone);
        }
        locks.lockTimetableOf(lesson.tutorId());
        requireFree(lesson.tutorId(), new LessonOverlap.Booking(lesson.id(), start, lesson.durationMinutes()));
        String reason = blankToNull(request.reason());
        vacate(lesson, now);
        LessonEvents.Rescheduled rescheduled = lesson.reschedule(start, reason, zone, now);
        lessons.flush();
        events.publish(rescheduled, lesson);
        return LessonResponse.of(lesson, zone);
    }

    /** docs/domain/lessons.md#mastery: the level and a comment that replaces the previous one ({@code null} clears it). */
    @Transactional
    public LessonResponse setMastery(CurrentUser caller, long lessonId, LessonRequests.Mastery request) {
        Lesson lesson = policy.writable(caller, lessonId);
        ZoneId zone = zones.of(lesson.studentId());
        String comment = blankToNull(request.comment());
        if (request.level() == lesson.masteryLevel() && Objects.equals(comment, lesson.masteryComment())) {
            return LessonResponse.of(lesson, zone);
        }
        LessonChanges changes = lesson.changeMastery(request.level(), comment, clock.instant());
        lessons.flush();
        events.updated(lesson, changes);
        return LessonResponse.of(lesson, zone);
    }

    private static void requireMarkable(Lesson lesson) {
        if (!lesson.canBeMarked()) {
            throw new ConflictException("An undated make-up lesson cannot be marked until it has a date; give it "
                    + "one first (POST /api/v1/lessons/" + lesson.id() + "/reschedule)");
        }
    }

    /** A cancelled lesson set back to scheduled or attended takes the tutor's time again: it must still be free. */
    private void requireFreeIfItReturns(Lesson lesson, AttendanceStatus status) {
        if (!lesson.occupiesTime() && lesson.isDated() && !AttendanceRules.isCancellation(status)) {
            locks.lockTimetableOf(lesson.tutorId());
            requireFree(lesson.tutorId(), lesson.booking());
        }
    }

    /** The slot a tutor empties on purpose is not refilled from the weekly template. */
    private void vacate(Lesson lesson, Instant now) {
        if (lesson.isDated()) {
            vacated.vacate(lesson.tutorId(), lesson.studentId(), lesson.startAt(), lesson.id(), now);
        }
    }

    /** @throws LessonOverlapException naming the tutor's lesson that overlaps {@code candidate} */
    void requireFree(long tutorId, LessonOverlap.Booking candidate) {
        if (candidate.start() == null) {
            return;
        }
        List<LessonOverlap.Booking> nearby = lessons.findTutorLessonsStartingBetween(tutorId,
                candidate.start().minusSeconds(60L * LessonOverlap.MAX_DURATION_MINUTES), candidate.end())
                .stream().filter(Lesson::occupiesTime).map(Lesson::booking).toList();
        LessonOverlap.firstConflict(candidate, nearby).ifPresent(conflict -> {
            Lesson other = lessons.findById(conflict.lessonId()).orElseThrow();
            throw new LessonOverlapException(conflict.lessonId(), at(conflict.start(), zones.of(other.studentId())));
        });
    }

    /** The tutor of a new lesson: a tutor themselves; an admin or a service must name a tutor of the student. */
    private long tutorFor(CurrentUser caller, Long requestedTutor, long studentId) {
        access.requireVisible(caller, studentId);
        if (caller.is(Role.TUTOR)) {
            if (requestedTutor != null && requestedTutor != caller.id()) {
                throw new ForbiddenException("a tutor creates lessons only for themselves");
            }
            return caller.id();
        }
        if (requestedTutor == null) {
            throw new InvalidFieldException("tutor_id", "is required when an admin or a service creates a lesson");
        }
        if (!directory.isTutorOf(requestedTutor, studentId)) {
            throw new InvalidFieldException("tutor_id", "is not a tutor of student " + studentId);
        }
        return requestedTutor;
    }

    private List<Long> visibleOrAll(CurrentUser caller, Long studentId) {
        if (studentId != null) {
            access.requireVisible(caller, studentId);
            return List.of(studentId);
        }
        return access.visibleStudents(caller);
    }

    private static boolean ascending(String order) {
        if (order == null || order.isBlank() || order.equalsIgnoreCase("desc")) {
            return false;
        }
        if (order.equalsIgnoreCase("asc")) {
            return true;
        }
        throw new InvalidFieldException("order", "must be asc or desc");
    }

    public static String topic(String raw) {
        String topic = raw == null ? "" : raw.strip();
        if (topic.isEmpty()) {
            throw new InvalidFieldException("topic", "must not be blank");
        }
        return topic;
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static java.time.OffsetDateTime at(Instant instant, ZoneId zone) {
        return LessonEventPublisher.at(instant, zone);
    }
}
