package ru.repitbot.events.catalogue;

import ru.repitbot.events.EventPayload;

/**
 * Events of material-service: the material as it is after the change ({@code deleted}: as it was). A material
 * belongs to a tutor's library; {@code tutor_id} is {@code null} for one an admin published to every tutor (docs/domain/materials.md#q14-grades-and-owners).
 * {@code grade} is 1–11; {@code link} and {@code description} may be {@code null}.
 */
public final class MaterialEvents {

    private MaterialEvents() {
    }

    public record Created(long materialId, Long tutorId, String title, int grade, String link, String description)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }

    public record Updated(long materialId, Long tutorId, String title, int grade, String link, String description)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }

    public record Deleted(long materialId, Long tutorId, String title, int grade, String link, String description)
            implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }
}
