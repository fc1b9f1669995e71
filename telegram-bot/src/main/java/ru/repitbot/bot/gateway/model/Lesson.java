package ru.repitbot.bot.gateway.model;

import java.time.OffsetDateTime;

/** A lesson as lesson-service shows it (the fields the bot uses; the rest is ignored). */
public record Lesson(long id, long tutorId, long studentId, String topic, OffsetDateTime startAt,
        Integer durationMinutes, String timeZone, String attendanceStatus, String masteryLevel, boolean charged,
        boolean isMakeup) {
}
