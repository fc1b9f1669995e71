package ru.repitbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.EventEnvelope;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** material.created/updated/deleted go through the outbox with the material as it is (deleted: as it was). */
class EventsIntegrationTest extends IntegrationTest {

    @Test
    void createUpdateDeletePublishTheirEventsInOrder() {
        long tutor = users().tutor();
        ApiClient t = as(tutor, "tutor");
        long id = create(t, "Дроби", 5, "Конспект", List.of("математика"));
        assertThat(t.put("/api/v1/materials/" + id, Map.of("title", "Дроби и проценты", "subject", "Математика",
                "links", List.of("https://example.org/drobi"))).status()).isEqualTo(200);
        assertThat(t.delete("/api/v1/materials/" + id).status()).isEqualTo(204);

        List<EventEnvelope> events = events(id);
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("material.created", "material.updated", "material.deleted");
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L);
        JsonNode created = events.get(0).data();
        assertThat(created.path("tutor_id").asLong()).isEqualTo(tutor);
        assertThat(created.path("grade").asInt()).isEqualTo(5);
        assertThat(created.path("tags").get(0).asString()).isEqualTo("математика");
        JsonNode updated = events.get(1).data();
        assertThat(updated.path("grade").isNull()).as("every grade").isTrue();
        assertThat(updated.path("link").asString()).isEqualTo("https://example.org/drobi");
        assertThat(updated.path("subject").asString()).isEqualTo("Математика");
        assertThat(events.get(2).data().path("title").asString()).isEqualTo("Дроби и проценты");
    }

    @Test
    void anAdminsMaterialIsPublishedWithoutATutorAndARefusedChangePublishesNothing() {
        long id = create(admin(), "Для всех");
        assertThat(events(id).getFirst().data().path("tutor_id").isNull()).isTrue();
        assertThat(as(users().tutor(), "tutor").put("/api/v1/materials/" + id, Map.of("title", "x")).status())
                .isEqualTo(403);
        assertThat(events(id)).hasSize(1);
    }
}
