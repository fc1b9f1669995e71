package ru.repitbot.events.catalogue;

import java.util.List;
import ru.repitbot.events.EventPayload;

/**
 * Events of material-service: the material as it is after the change ({@code deleted}: as it was). A material
 * belongs to a tutor's library; {@code tutor_id} is {@code null} for one an admin published to every tutor (docs/domain/materials.md#q14-grades-and-owners).
 * {@code grade} is 1–11, or {@code null} for a material of every grade; {@code link} (the first of {@code links}),
 * {@code description} and {@code subject} may be {@code null}; {@code tags} and {@code links} are never null.
 */
public final class MaterialEvents {

    private MaterialEvents() {
    }

    public record Created(long materialId, Long tutorId, String title, Integer grade, String link, String description,
            String subject, List<String> tags, List<String> links) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }

    public record Updated(long materialId, Long tutorId, String title, Integer grade, String link, String description,
            String subject, List<String> tags, List<String> links) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }

    public record Deleted(long materialId, Long tutorId, String title, Integer grade, String link, String description,
            String subject, List<String> tags, List<String> links) implements EventPayload {
        @Override
        public String aggregateId() {
            return Long.toString(materialId);
        }
    }
}
