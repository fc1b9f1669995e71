package ru.repitbot.material.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class MaterialDraftTest {

    @Test
    void gradesOneToElevenOrNoneForEveryGrade() {
        assertThat(draft(1).grade()).isEqualTo(1);
        assertThat(draft(11).grade()).isEqualTo(11);
        assertThat(draft(null).grade()).isNull();
        assertField(() -> draft(0), "grade");
        assertField(() -> draft(12), "grade");
    }

    @Test
    void titleIsNeededAndTrimmedBlankOptionalsBecomeNull() {
        MaterialDraft d = new MaterialDraft("  Дроби  ", "  ", null, "", null, null);
        assertThat(d.title()).isEqualTo("Дроби");
        assertThat(d.description()).isNull();
        assertThat(d.subject()).isNull();
        assertThat(d.tags()).isEmpty();
        assertThat(d.links()).isEmpty();
        assertField(() -> new MaterialDraft(" ", null, null, null, null, null), "title");
        assertField(() -> new MaterialDraft("x".repeat(201), null, null, null, null, null), "title");
    }

    @Test
    void tagsAreLowerCaseOnceWithSpacesCollapsed() {
        MaterialDraft d = new MaterialDraft("t", null, null, null, List.of("Дроби", " дроби ", "Устный   счёт"),
                null);
        assertThat(d.tags()).containsExactly("дроби", "устный счёт");
        assertField(() -> new MaterialDraft("t", null, null, null, Collections.nCopies(21, "a").stream()
                .map(a -> a + Math.random()).toList(), null), "tags");
        assertField(() -> new MaterialDraft("t", null, null, null, List.of(" "), null), "tags");
    }

    @Test
    void linksAreAbsoluteWebAddressesEachOnce() {
        MaterialDraft d = new MaterialDraft("t", null, null, null, null,
                List.of("https://example.org/a", "http://example.org/b", "https://example.org/a"));
        assertThat(d.links()).containsExactly("https://example.org/a", "http://example.org/b");
        assertThat(d.firstLink()).isEqualTo("https://example.org/a");
        for (String bad : List.of("javascript:alert(1)", "example.org", "ftp://example.org/x", "https://")) {
            assertField(() -> new MaterialDraft("t", null, null, null, null, List.of(bad)), "links");
        }
    }

    private static MaterialDraft draft(Integer grade) {
        return new MaterialDraft("Дроби", null, grade, null, null, null);
    }

    private static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
