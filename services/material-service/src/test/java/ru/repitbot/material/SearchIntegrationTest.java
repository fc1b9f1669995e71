package ru.repitbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Search by words (Russian full-text search), by grade, paged, newest first. */
class SearchIntegrationTest extends IntegrationTest {

    @Test
    void wordFormsMatchInTitleDescriptionAndTags() {
        long tutor = users().tutor();
        ApiClient t = as(tutor, "tutor");
        long fraction = create(t, "Дробь и её части", 5, null, List.of());
        long described = create(t, "Карточки", 6, "Сложение обыкновенных дробей", List.of());
        long tagged = create(t, "Задачник", 6, null, List.of("Дроби", "пропорции"));
        long other = create(t, "Глаголы прошедшего времени", 6, "Спряжение", List.of("русский"));

        assertThat(ids(t, "дроби", null)).containsExactlyInAnyOrder(fraction, described, tagged);
        assertThat(ids(t, "дробями", null)).containsExactlyInAnyOrder(fraction, described, tagged);
        assertThat(ids(t, "ГЛАГОЛ", null)).containsExactly(other);
        assertThat(ids(t, "пропорция", null)).containsExactly(tagged);
        assertThat(ids(t, "дроби -карточки", null)).containsExactlyInAnyOrder(fraction, tagged);
        assertThat(ids(t, "интеграл", null)).isEmpty();
    }

    @Test
    void aGradeFindsItsOwnAndTheEveryGradeMaterialsOnly() {
        long tutor = users().tutor();
        ApiClient t = as(tutor, "tutor");
        long third = create(t, "Таблица умножения", 3, null, List.of());
        long fifth = create(t, "Таблица степеней", 5, null, List.of());
        long every = create(t, "Таблица Менделеева", null, null, List.of());

        assertThat(ids(t, null, 3)).containsExactly(every, third);
        assertThat(ids(t, null, 5)).containsExactly(every, fifth);
        assertThat(ids(t, null, 11)).containsExactly(every);
        assertThat(ids(t, "таблицы", 5)).containsExactly(every, fifth);
    }

    @Test
    void pagedNewestFirst() {
        long tutor = users().tutor();
        ApiClient t = as(tutor, "tutor");
        long a = create(t, "Первый");
        long b = create(t, "Второй");
        long c = create(t, "Третий");
        // the tutor sees their own three and whatever admins published in other tests: only theirs counted here
        JsonNode first = ok(as(tutor, "tutor").get("/api/v1/materials?size=2&page=1"));
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("id").asLong()).isGreaterThanOrEqualTo(c);
        List<Long> mine = ids(t, null, null).stream().filter(id -> id == a || id == b || id == c).toList();
        assertThat(mine).containsExactly(c, b, a);
        assertThat(ok(t.get("/api/v1/materials?size=1&page=2")).path("items").size()).isEqualTo(1);
        assertThat(t.get("/api/v1/materials?size=101").status()).isEqualTo(400);
    }

    private List<Long> ids(ApiClient caller, String words, Integer grade) {
        StringBuilder q = new StringBuilder("/api/v1/materials?size=100");
        if (words != null) {
            q.append("&q=").append(URLEncoder.encode(words, StandardCharsets.UTF_8));
        }
        if (grade != null) {
            q.append("&grade=").append(grade);
        }
        JsonNode page = ok(caller.get(q.toString()));
        // materials admins published in other tests of this context are visible too: keep the caller's own
        return page.path("items").valueStream().filter(m -> !m.path("tutor_id").isNull())
                .map(m -> m.path("id").asLong()).toList();
    }
}
