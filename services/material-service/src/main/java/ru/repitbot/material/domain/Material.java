package ru.repitbot.material.domain;

import java.time.Instant;
import java.util.List;

/**
 * A material as stored: {@code tutorId} is its owner, {@code null} for one an admin published to every tutor;
 * {@code grade} 1–11 or {@code null} for every grade (docs/domain/materials.md#q14-grades-and-owners).
 */
public record Material(long id, Long tutorId, String title, String description, Integer grade, String subject,
        List<String> tags, List<String> links, String createdBy, Instant createdAt, Instant updatedAt,
        long version) {

    public Material {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
    }

    /** Published by an admin to every tutor: no owner. */
    public boolean published() {
        return tutorId == null;
    }

    /** Whether a material of this grade belongs in a list for {@code wanted} (every-grade ones belong in all). */
    public boolean suits(int wanted) {
        return grade == null || grade == wanted;
    }
}
