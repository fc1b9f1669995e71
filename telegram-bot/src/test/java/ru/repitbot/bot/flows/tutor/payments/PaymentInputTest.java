package ru.repitbot.bot.flows.tutor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.i18n.Language;

class PaymentInputTest {

    @Test
    void lessonsAreWholeNumbersWithAnOptionalSign() {
        assertThat(PaymentInput.lessons("8")).hasValue(8);
        assertThat(PaymentInput.lessons(" +8 ")).hasValue(8);
        assertThat(PaymentInput.lessons("-2")).hasValue(-2);
        assertThat(PaymentInput.lessons("−2")).as("a typographic minus").hasValue(-2);
        assertThat(PaymentInput.lessons("1 000")).hasValue(1000);
        assertThat(PaymentInput.lessons("0")).hasValue(0);
        for (String notANumber : List.of("", "восемь", "8.5", "8,5", "8 уроков", "--2", "+", "1e3")) {
            assertThat(PaymentInput.lessons(notANumber)).as(notANumber).isEmpty();
        }
        assertThat(PaymentInput.lessons(null)).isEmpty();
    }

    @Test
    void amountsAsPeopleTypeThemBecomeTwoDecimals() {
        assertThat(PaymentInput.amount("12000")).hasValue(new BigDecimal("12000.00"));
        assertThat(PaymentInput.amount("12 000,50")).hasValue(new BigDecimal("12000.50"));
        assertThat(PaymentInput.amount("12\u00A0000,5")).hasValue(new BigDecimal("12000.50"));
        assertThat(PaymentInput.amount("12000.5 ₽")).hasValue(new BigDecimal("12000.50"));
        assertThat(PaymentInput.amount("1 500 руб.")).hasValue(new BigDecimal("1500.00"));
        assertThat(PaymentInput.amount("1500р")).hasValue(new BigDecimal("1500.00"));
        assertThat(PaymentInput.amount("0")).hasValue(new BigDecimal("0.00"));
        assertThat(PaymentInput.wire(PaymentInput.amount("12 000,50").orElseThrow())).isEqualTo("12000.50");
        assertThat(PaymentInput.wire(PaymentInput.amount("12000").orElseThrow())).isEqualTo("12000.00");
        for (String notAnAmount : List.of("", "много", "-100", "12,000.50", "12.345", "12 000,", "12345678901",
                "1,2,3")) {
            assertThat(PaymentInput.amount(notAnAmount)).as(notAnAmount).isEmpty();
        }
    }

    @Test
    void russianHasThreeFormsOfLessons() {
        assertThat(LessonCount.form(1, Language.RU)).isEqualTo("one");
        assertThat(LessonCount.form(21, Language.RU)).isEqualTo("one");
        assertThat(LessonCount.form(2, Language.RU)).isEqualTo("few");
        assertThat(LessonCount.form(34, Language.RU)).isEqualTo("few");
        assertThat(LessonCount.form(-3, Language.RU)).isEqualTo("few");
        assertThat(LessonCount.form(5, Language.RU)).isEqualTo("many");
        assertThat(LessonCount.form(11, Language.RU)).isEqualTo("many");
        assertThat(LessonCount.form(12, Language.RU)).isEqualTo("many");
        assertThat(LessonCount.form(114, Language.RU)).isEqualTo("many");
        assertThat(LessonCount.form(0, Language.RU)).isEqualTo("many");
        assertThat(LessonCount.form(1, Language.EN)).isEqualTo("one");
        assertThat(LessonCount.form(2, Language.EN)).isEqualTo("many");
        assertThat(LessonCount.signed(-2, true)).isEqualTo("−2");
        assertThat(LessonCount.signed(8, true)).isEqualTo("+8");
        assertThat(LessonCount.signed(8, false)).isEqualTo("8");
        assertThat(LessonCount.signed(0, true)).isEqualTo("0");
    }

    @Test
    void everyPaymentRouteFitsTelegramsSixtyFourBytesAndIsUnique() throws IllegalAccessException {
        List<String> ids = new ArrayList<>();
        for (var field : PaymentRoutes.class.getFields()) {
            CallbackRoute route = (CallbackRoute) field.get(null);
            assertThat(route.id()).startsWith("pay.");
            assertThat(route.data(Long.MAX_VALUE, Integer.MAX_VALUE).getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(64);
            ids.add(route.id());
        }
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(8);
    }
}
