package ru.repitbot.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class WireValuesTest {

    @Test
    void acceptsTheWireValueAndTheMonolithsUpperCaseName() {
        assertThat(AttendanceStatus.fromValue("excused_absence")).isEqualTo(AttendanceStatus.EXCUSED_ABSENCE);
        assertThat(AttendanceStatus.fromValue("EXCUSED_ABSENCE")).isEqualTo(AttendanceStatus.EXCUSED_ABSENCE);
        assertThat(LessonStatus.fromValue(" Not_Conducted ")).isEqualTo(LessonStatus.NOT_CONDUCTED);
        assertThat(Role.TUTOR.value()).isEqualTo("tutor");
    }

    @Test
    void anUnknownValueNamesTheAllowedOnes() {
        assertThatThrownBy(() -> Role.fromValue("teacher"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of [admin, tutor, student, parent]");
        assertThatThrownBy(() -> HomeworkStatus.fromValue(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aColumnStoresTheWireValueAndReadsTheMonolithsNameToo() {
        WireEnumColumn<PaymentMethod> column = new WireEnumColumn<>(PaymentMethod.class) { };
        assertThat(column.convertToDatabaseColumn(PaymentMethod.TRANSFER)).isEqualTo("transfer");
        assertThat(column.convertToEntityAttribute("TRANSFER")).isEqualTo(PaymentMethod.TRANSFER);
        assertThat(column.convertToDatabaseColumn(null)).isNull();
        assertThatThrownBy(() -> column.convertToEntityAttribute("cheque"))
                .hasMessage("must be one of [cash, card, transfer]");
    }

    @Test
    void pagingFollowsTheSeed() {
        PageQuery query = PageQuery.of(3, 20);
        assertThat(query.offset()).isEqualTo(40);
        assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(1, 10));
        assertThat(PageResponse.of(java.util.List.of("a"), 41, 3, 20).pages()).isEqualTo(3);
        assertThat(PageResponse.of(java.util.List.of(), 0, 1, 10).pages()).isZero();
    }

    @Test
    void badPagingIsAFieldError() {
        assertThatThrownBy(() -> PageQuery.of(0, 10)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("page");
        assertThatThrownBy(() -> PageQuery.of(1, 101)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("size");
    }
}
