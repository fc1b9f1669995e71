package ru.repitbot.material.domain;

import java.time.Instant;

/**
 * A material attached to one lesson or one homework (exactly one of the two ids), with the tutor and student of
 * that lesson or homework as their owner said at the time: the student and their parents see the material through
 * it.
 */
public record MaterialAttachment(long id, long materialId, Long lessonId, Long homeworkId, long tutorId,
        long studentId, Instant createdAt) {
}
