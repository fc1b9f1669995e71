package ru.repitbot.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class PageQueryTest {

    @Test
    void aPageSkippingMoreThanTheCapIsRefusedNamingPage() {
        assertThat(PageQuery.of(1001, 100).offset()).isEqualTo(PageQuery.MAX_OFFSET);
        assertThatThrownBy(() -> PageQuery.of(1002, 100)).isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("page"))
                .hasMessageContaining("at most 1001");
        assertThatThrownBy(() -> PageQuery.of(Integer.MAX_VALUE, 100)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageQuery.of(99_999_999, null)).isInstanceOf(InvalidFieldException.class);
    }
}
