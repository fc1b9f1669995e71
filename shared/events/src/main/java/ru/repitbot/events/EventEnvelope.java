package ru.repitbot.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The wire format of every event (docs/domain/events.md#envelope): the seed's headers and body in one JSON object, snake_case.
 *
 * @param eventId unique per event; consumers deduplicate by it
 * @param eventType routing key, e.g. {@code lesson.updated}
 * @param serviceName the producing service
 * @param timestamp when the change was committed (UTC)
 * @param correlationId the request or trace that caused it, passed along a chain of events
 * @param causationId the event that caused this one, if any
 * @param userId who made the change ({@code null} for the system)
 * @param aggregateId the id of the changed object
 * @param aggregateVersion the object's version, 1 when not tracked
 * @param data the facts consumers need (a payload record of {@code catalogue})
 * @param metadata free-form extras
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        String serviceName,
        Instant timestamp,
        String correlationId,
        String causationId,
        String userId,
        String aggregateId,
        long aggregateVersion,
        JsonNode data,
        Map<String, Object> metadata) {
}
