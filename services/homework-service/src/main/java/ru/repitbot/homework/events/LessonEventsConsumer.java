package ru.repitbot.homework.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.LessonChanges;
import ru.repitbot.events.catalogue.LessonEvents;
import ru.repitbot.homework.db.LessonDirectory;
import ru.repitbot.homework.db.LessonDirectory.Change;
import ru.repitbot.homework.domain.KnownLesson;

/**
 * Keeps the lesson projection from lesson-service's events. Each handler runs in the inbox transaction (a
 * redelivered event is skipped), and each write is guarded by the lesson's {@code aggregate_version}. A rescheduled
 * lesson keeps its homework (docs/domain/homework.md#q16-homework-follows-its-topic); a cancelled lesson's homework moves with its topic; a deleted lesson takes its
 * homework with it.
 */
@Configuration(proxyBeanMethods = false)
public class LessonEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(LessonEventsConsumer.class);

    private final LessonDirectory lessons;
    private final JdbcTemplate jdbc;

    public LessonEventsConsumer(LessonDirectory lessons, JdbcTemplate jdbc) {
        this.lessons = lessons;
        this.jdbc = jdbc;
    }

    @Bean
    EventSubscription<LessonEvents.Created> homeworkOnLessonCreated() {
        return EventSubscription.on(LessonEvents.Created.class, this::onCreated);
    }

    @Bean
    EventSubscription<LessonEvents.Updated> homeworkOnLessonUpdated() {
        return EventSubscription.on(LessonEvents.Updated.class, this::onUpdated);
    }

    @Bean
    EventSubscription<LessonEvents.Rescheduled> homeworkOnLessonRescheduled() {
        return EventSubscription.on(LessonEvents.Rescheduled.class, this::onRescheduled);
    }

    @Bean
    EventSubscription<LessonEvents.Cancelled> homeworkOnLessonCancelled() {
        return EventSubscription.on(LessonEvents.Cancelled.class, this::onCancelled);
    }

    @Bean
    EventSubscription<LessonEvents.Deleted> homeworkOnLessonDeleted() {
        return EventSubscription.on(LessonEvents.Deleted.class, this::onDeleted);
    }

    void onCreated(LessonEvents.Created l, EventEnvelope event) {
        lessons.created(new KnownLesson(l.lessonId(), l.tutorId(), l.studentId(), l.topic(),
                l.date() == null ? null : l.date().toInstant(), l.isMakeup()), event.aggregateVersion());
    }

    void onUpdated(LessonEvents.Updated u, EventEnvelope event) {
        LessonChanges changes = u.changes() == null ? LessonChanges.NONE : u.changes();
        Change change = new Change(changes.topic() == null ? null : changes.topic().newValue(),
                changes.date() != null, changes.date() == null ? null : instant(changes.date().newValue()),
                changes.isMakeup() == null ? null : changes.isMakeup().newValue());
        lessons.changed(u.lessonId(), u.tutorId(), u.studentId(), event.aggregateVersion(), change);
    }

    void onRescheduled(LessonEvents.Rescheduled r, EventEnvelope event) {
        lessons.changed(r.lessonId(), r.tutorId(), r.studentId(), event.aggregateVersion(),
                new Change(null, true, r.newDate() == null ? null : r.newDate().toInstant(),
                        r.newDate() == null ? null : Boolean.FALSE));
    }

    /**
     * A cancellation (docs/domain/lessons.md#cancelling-a-lesson): the cancelled lesson stays at its date (only its version
     * is recorded, no date changes); its topic, and with it its homework, moves forward along {@code topic_moves},
     * applied as one rotation. A target lesson not known yet (the new make-up lesson, whose {@code lesson.created}
     * was published just before, may still be on its way) is recorded as a placeholder first. The targets' new
     * topics come with their own {@code lesson.updated}. A redelivered event is skipped by the inbox.
     */
    void onCancelled(LessonEvents.Cancelled c, EventEnvelope event) {
        // No date changes; the event's date only seeds the row of a lesson not seen yet (dateChanged = false).
        lessons.changed(c.lessonId(), c.tutorId(), c.studentId(), event.aggregateVersion(),
                new Change(null, false, c.date() == null ? null : c.date().toInstant(), null));
        List<LessonDirectory.Move> moves = new ArrayList<>();
        Set<Long> from = new HashSet<>();
        for (LessonEvents.TopicMove m : c.topicMoves() == null ? List.<LessonEvents.TopicMove>of() : c.topicMoves()) {
            if (m.fromLessonId() == m.toLessonId() || !from.add(m.fromLessonId())) {
                continue;
            }
            boolean makeup = c.makeupLessonId() != null && c.makeupLessonId() == m.toLessonId();
            lessons.placeholder(m.toLessonId(), c.tutorId(), c.studentId(), m.topic(), makeup);
            moves.add(new LessonDirectory.Move(m.fromLessonId(), m.toLessonId()));
        }
        int moved = lessons.moveHomework(moves);
        if (moved > 0) {
            log.info("Lesson {} cancelled: {} homework moved with the topics {}", c.lessonId(), moved, moves);
        }
    }

    void onDeleted(LessonEvents.Deleted d, EventEnvelope event) {
        deleteLesson(d.lessonId(), d.tutorId(), d.studentId(), event.aggregateVersion());
    }

    /** Tombstone first (it locks the lesson row, so no homework is being added meanwhile), then the homework. */
    private void deleteLesson(long lessonId, long tutorId, long studentId, long version) {
        lessons.deleted(lessonId, tutorId, studentId, version);
        int removed = jdbc.update("DELETE FROM homework WHERE lesson_id = ?", lessonId);
        if (removed > 0) {
            log.info("Lesson {} deleted: removed its {} homework", lessonId, removed);
        }
    }

    private static java.time.Instant instant(OffsetDateTime date) {
        return date == null ? null : date.toInstant();
    }
}
