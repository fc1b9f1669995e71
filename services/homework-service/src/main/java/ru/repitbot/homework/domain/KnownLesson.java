package ru.repitbot.homework.domain;

import java.time.Instant;

/**
 * A lesson as this service knows it from lesson-service's events: whose it is, its topic and its date
 * ({@code null} for an undated make-up lesson).
 */
public record KnownLesson(long lessonId, long tutorId, long studentId, String topic, Instant startAt,
        boolean isMakeup) {
}
