package ru.repitbot.lesson.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A tutor cannot hold two lessons at once. Lessons are half-open intervals {@code [start, start + duration)}, so a
 * lesson may begin exactly when another ends. An undated make-up lesson occupies no time and never overlaps.
 */
public final class LessonOverlap {

    private LessonOverlap() {
    }

    /**
     * A lesson's place in time.
     *
     * @param lessonId the lesson, or {@code 0} for one not yet stored
     * @param start {@code null} for an undated make-up lesson
     */
    public record Booking(long lessonId, Instant start, int durationMinutes) {

        public Instant end() {
            return start == null ? null : start.plusSeconds(60L * durationMinutes);
        }

        public boolean overlaps(Booking other) {
            if (start == null || other.start == null) {
                return false;
            }
            return start.isBefore(other.end()) && other.start.isBefore(end());
        }
    }

    /**
     * The earliest booking that overlaps {@code candidate}, ignoring the candidate's own lesson (a move does not
     * collide with where the lesson was).
     */
    public static Optional<Booking> firstConflict(Booking candidate, Collection<Booking> existing) {
        if (candidate.start() == null) {
            return Optional.empty();
        }
        return existing.stream()
                .filter(b -> candidate.lessonId() == 0 || b.lessonId() != candidate.lessonId())
                .filter(candidate::overlaps)
                .min(Comparator.comparing(Booking::start).thenComparingLong(Booking::lessonId));
    }

    /** The longest lesson there can be: how far back to look for a lesson that may still be running. */
    public static final int MAX_DURATION_MINUTES = 600;
}
