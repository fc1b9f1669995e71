package ru.repitbot.lesson.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonCharging;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;

/**
 * One lesson (an occurrence) of a tutor with a student. {@code startAt} is {@code null} only for an undated make-up
 * lesson ({@code makeup = true}) produced by a topic shift. New lessons start {@code scheduled} (not charged). A
 * cancelled lesson stays at its date; its topic may have moved to another lesson ({@code topicMovedTo}).
 * Rules: docs/domain/lessons.md.
 */
@Entity
@Table(name = "lessons")
public class Lesson {

    public static final int DEFAULT_DURATION_MINUTES = 60;
    public static final int MIN_DURATION_MINUTES = 15;
    public static final int MAX_DURATION_MINUTES = LessonOverlap.MAX_DURATION_MINUTES;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tutor_id", nullable = false, updatable = false)
    private long tutorId;

    @Column(name = "student_id", nullable = false, updatable = false)
    private long studentId;

    @Column(nullable = false)
    private String topic;

    @Column(name = "start_at")
    private Instant startAt;

    /** When the lesson got its current start: creation, reschedule, or an edit of {@code start_at}. */
    @Column(name = "start_set_at")
    private Instant startSetAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "skills_developed")
    private String skillsDeveloped;

    @Column(name = "mastery_level", nullable = false)
    private TopicMastery masteryLevel;

    @Column(name = "mastery_comment")
    private String masteryComment;

    @Column(name = "attendance_status", nullable = false)
    private AttendanceStatus attendanceStatus;

    @Column(name = "lesson_status", nullable = false)
    private LessonStatus lessonStatus;

    @Column(name = "original_start_at")
    private Instant originalStartAt;

    @Column(name = "is_rescheduled", nullable = false)
    private boolean rescheduled;

    @Column(name = "is_makeup", nullable = false)
    private boolean makeup;

    @Column(name = "topic_moved_to_lesson_id")
    private Long topicMovedTo;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "reschedule_reason")
    private String rescheduleReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Starts at 1 (kept by Hibernate when set), so the first event of a lesson carries aggregate_version 1. */
    @Version
    private long version = 1;

    protected Lesson() {
    }

    private Lesson(long tutorId, long studentId, String topic, Instant startAt, int durationMinutes,
            String skillsDeveloped, boolean makeup, Instant now) {
        this.tutorId = tutorId;
        this.studentId = studentId;
        this.topic = topic;
        this.startAt = startAt;
        this.startSetAt = startAt == null ? null : stored(now);
        this.durationMinutes = durationMinutes;
        this.skillsDeveloped = skillsDeveloped;
        this.masteryLevel = TopicMastery.NOT_LEARNED;
        this.attendanceStatus = AttendanceStatus.SCHEDULED;
        this.lessonStatus = LessonStatus.NOT_CONDUCTED;
        this.makeup = makeup;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A dated lesson, {@code scheduled}, not conducted, topic not learned. */
    public static Lesson schedule(long tutorId, long studentId, String topic, Instant startAt, int durationMinutes,
            String skillsDeveloped, Instant now) {
        Objects.requireNonNull(startAt, "startAt");
        return new Lesson(tutorId, studentId, topic, startAt, durationMinutes, skillsDeveloped, false, now);
    }

    /** What moves forward in a topic shift: the topic and the skills it develops. */
    public record Topic(String topic, String skillsDeveloped) {
    }

    /** An undated make-up lesson for a topic that fell off the end of a shift (not charged: {@code scheduled}). */
    static Lesson makeupFor(long tutorId, long studentId, Topic topic, int durationMinutes, Instant now) {
        return new Lesson(tutorId, studentId, topic.topic(), null, durationMinutes, topic.skillsDeveloped(), true,
                now);
    }

    /** Each intent method below applies the change and returns it as {@code lesson.updated} will tell it. */
    public LessonChanges changeTopic(String newTopic, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withTopic(topic, newTopic);
        this.topic = newTopic;
        return touch(changes, now);
    }

    public LessonChanges changeSkills(String skills, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withSkillsDeveloped(skillsDeveloped, skills);
        this.skillsDeveloped = skills;
        return touch(changes, now);
    }

    public LessonChanges changeDuration(int minutes, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withDurationMinutes(durationMinutes, minutes);
        this.durationMinutes = minutes;
        return touch(changes, now);
    }

    public LessonChanges changeConduct(LessonStatus status, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withLessonStatus(lessonStatus, status);
        this.lessonStatus = status;
        return touch(changes, now);
    }

    public LessonChanges changeAttendance(AttendanceStatus status, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withAttendanceStatus(attendanceStatus, status);
        this.attendanceStatus = status;
        return touch(changes, now);
    }

    public LessonChanges changeMastery(TopicMastery level, String comment, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withMasteryLevel(masteryLevel, level)
                .withMasteryComment(masteryComment, comment);
        this.masteryLevel = level;
        this.masteryComment = comment;
        return touch(changes, now);
    }

    /**
     * Sets the time without counting as a reschedule (a correction, or dating a make-up lesson). The change tells
     * the dates in {@code zone}, the student's, as every lesson event does.
     */
    public LessonChanges moveTo(Instant start, ZoneId zone, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withDate(at(startAt, zone), at(start, zone));
        startAt(start, now);
        return touch(changes, now);
    }

    /**
     * A plain reschedule (docs/domain/lessons.md#rescheduling-and-moving): the first one remembers the original time. Dating an undated make-up lesson
     * has no original time and is not counted as a reschedule. Returns the {@code lesson.rescheduled} it makes,
     * dates in {@code zone}.
     */
    public LessonEvents.Rescheduled reschedule(Instant start, String reason, ZoneId zone, Instant now) {
        Instant previous = startAt;
        if (startAt != null && !rescheduled) {
            originalStartAt = startAt;
            rescheduled = true;
        }
        startAt(start, now);
        this.rescheduleReason = reason;
        touch(LessonChanges.NONE, now);
        return new LessonEvents.Rescheduled(id, studentId, tutorId, at(previous, zone), at(start, zone), reason);
    }

    /**
     * Whether cancelling this lesson with {@code status} moves its topic on (docs/domain/lessons.md#cancelling-a-lesson):
     * it is dated, still holds its topic, and leaves {@code scheduled} or {@code attended} for a cancellation status.
     * Only then does {@link #cancel} need the chain of later lessons.
     */
    public boolean cancellationMovesTopic(AttendanceStatus status) {
        return TopicShift.moves(shiftEntry(), attendanceStatus, status);
    }

    /**
     * Cancels this occurrence (docs/domain/lessons.md#cancelling-a-lesson): it stays at its date with the
     * cancellation {@code status} and {@code reason}; when {@link #cancellationMovesTopic} its topic moves on along
     * {@code chain} ({@link TopicShift}) and the last topic falls into a new undated make-up lesson. A switch between
     * cancellation statuses moves nothing: a topic moves once. Returns what changed, with the events to publish.
     *
     * @param chain the student's lessons with this tutor from this lesson's start on, as stored (read under the
     *     tutor's timetable lock); only read when the topic moves, so it may be empty otherwise
     * @param store gives the new make-up lesson its id and returns it (the repository's save); called at most once
     * @param zone the student's, for the date {@code lesson.cancelled} tells
     * @throws IllegalArgumentException when {@code status} is not a cancellation status
     * @throws IllegalStateException when this lesson is an undated make-up
     */
    public Cancellation cancel(AttendanceStatus status, String reason, List<Lesson> chain,
            UnaryOperator<Lesson> store, ZoneId zone, Instant now) {
        return Cancellation.of(this, status, reason, chain, store, zone, now);
    }

    /** Receives the topic (with its skills) of the lesson before it in a topic shift. */
    LessonChanges takeTopic(Topic incoming, Instant now) {
        LessonChanges changes = LessonChanges.NONE.withTopic(topic, incoming.topic())
                .withSkillsDeveloped(skillsDeveloped, incoming.skillsDeveloped());
        this.topic = incoming.topic();
        this.skillsDeveloped = incoming.skillsDeveloped();
        return touch(changes, now);
    }

    /** Its topic went on to {@code lessonId} in a topic shift; this occurrence keeps its date and its status. */
    void topicMovedTo(long lessonId, Instant now) {
        this.topicMovedTo = lessonId;
        touch(LessonChanges.NONE, now);
    }

    /** The status and reason of a cancellation; {@link #cancel} decides what else it does. */
    void recordCancellation(AttendanceStatus status, String reason, Instant now) {
        this.attendanceStatus = status;
        this.cancellationReason = reason;
        touch(LessonChanges.NONE, now);
    }

    /**
     * A new start remembers when it was set, so a reminder whose moment came before it is not sent late
     * (docs/domain/notifications.md#reminders, {@code SET_AFTER_MOMENT}); the same start again is no new start.
     */
    private void startAt(Instant start, Instant now) {
        if (!Objects.equals(start, startAt)) {
            this.startSetAt = start == null ? null : stored(now);
        }
        this.startAt = start;
    }

    /** As PostgreSQL keeps it (microseconds), so the answer of a change shows what a later read shows. */
    private static Instant stored(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MICROS);
    }

    private LessonChanges touch(LessonChanges changes, Instant now) {
        this.updatedAt = now;
        return changes;
    }

    /** A lesson time as the events tell it: in the student's zone, with its offset. */
    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    public LessonOverlap.Booking booking() {
        return new LessonOverlap.Booking(id == null ? 0 : id, startAt, durationMinutes);
    }

    public TopicShift.Entry shiftEntry() {
        return new TopicShift.Entry(id, startAt, attendanceStatus, holdsTopic());
    }

    public Topic currentTopic() {
        return new Topic(topic, skillsDeveloped);
    }

    /** {@code false} once this lesson's topic moved to another lesson in a topic shift. */
    public boolean holdsTopic() {
        return topicMovedTo == null;
    }

    public Long topicMovedTo() {
        return topicMovedTo;
    }

    /** Attendance can be recorded only for a lesson with a date (an undated make-up has not happened yet). */
    public boolean canBeMarked() {
        return startAt != null;
    }

    /**
     * Whether the lesson takes the tutor's time: a dated lesson that was not cancelled. A cancelled occurrence
     * stays at its date for the record but leaves the time free for another lesson.
     */
    public boolean occupiesTime() {
        return startAt != null && !AttendanceRules.isCancellation(attendanceStatus);
    }

    public boolean isDated() {
        return startAt != null;
    }

    public Long id() {
        return id;
    }

    public long tutorId() {
        return tutorId;
    }

    public long studentId() {
        return studentId;
    }

    public String topic() {
        return topic;
    }

    public Instant startAt() {
        return startAt;
    }

    /** When the current start was set ({@code null} while undated). */
    public Instant startSetAt() {
        return startSetAt;
    }

    public Instant endAt() {
        return startAt == null ? null : startAt.plusSeconds(60L * durationMinutes);
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public String skillsDeveloped() {
        return skillsDeveloped;
    }

    public TopicMastery masteryLevel() {
        return masteryLevel;
    }

    public String masteryComment() {
        return masteryComment;
    }

    public AttendanceStatus attendanceStatus() {
        return attendanceStatus;
    }

    public LessonStatus lessonStatus() {
        return lessonStatus;
    }

    public Instant originalStartAt() {
        return originalStartAt;
    }

    public boolean isRescheduled() {
        return rescheduled;
    }

    /**
     * Whether this lesson takes one lesson off the balance (payment-service applies the same rule to its
     * projection): a charged attendance status, unless it is a make-up lesson still waiting for a date.
     */
    public boolean charged() {
        return LessonCharging.isCharged(attendanceStatus, makeup && startAt == null);
    }

    public boolean isMakeup() {
        return makeup;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public String rescheduleReason() {
        return rescheduleReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
