package ru.repitbot.bot.flows.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import ru.repitbot.bot.config.BotConfiguration;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.flows.student.FamilyApi.LessonInfo;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.i18n.Language;
import ru.repitbot.bot.i18n.Texts;

/** How the family screens write lessons, statuses and pages (docs/domain/README.md#statuses-and-their-labels, docs/domain/bot.md#student-screens). */
class FamilyTextsTest {

    private static final Lang RU = texts().in(Language.RU);
    private static final Lang EN = texts().in(Language.EN);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static Texts texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BotConfiguration.TEXT_BUNDLES.toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setDefaultLocale(Language.RU.locale());
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return new Texts(source);
    }

    private static LessonInfo lesson(String topic, String startAt, String attendance, String mastery) {
        return new LessonInfo(1, 2, 3, topic, startAt == null ? null : OffsetDateTime.parse(startAt), 60,
                "Europe/Moscow", null, mastery, null, attendance, startAt == null, null);
    }

    @Test
    void aLessonButtonIsDateAttendanceMasteryAndTopicInTheStudentsZone() {
        // 23:30 in UTC is already the next day in Moscow.
        assertThat(FamilyTexts.lessonButton(RU, lesson("Дроби", "2026-03-01T21:30:00Z", "attended", "mastered"),
                MOSCOW)).isEqualTo("02.03.26 ✅🟢 Дроби");
        assertThat(FamilyTexts.lessonButton(RU, lesson(null, "2026-03-02T15:30:00+03:00", "excused_absence", null),
                MOSCOW)).isEqualTo("02.03.26 😷 Тема не указана");
        assertThat(FamilyTexts.lessonButton(EN, lesson(" ", null, "scheduled", null), MOSCOW))
                .isEqualTo("— 🕒 No topic given");
    }

    @Test
    void aLongTopicIsCutToFiftyCharactersWithAnEllipsis() {
        String button = FamilyTexts.lessonButton(RU, lesson("Очень длинная тема урока ".repeat(5),
                "2026-03-02T15:30:00+03:00", "unexcused_absence", "not_learned"), MOSCOW);
        assertThat(button).hasSize(FamilyTexts.BUTTON_TEXT).startsWith("02.03.26 ❌⚪ Очень").endsWith("…");
        assertThat(FamilyTexts.shorten("  a\n b  ", 10)).isEqualTo("a b");
        assertThat(FamilyTexts.shorten(null, 10)).isEmpty();
    }

    @Test
    void everyStatusHasItsEmojiAndWordAndUnknownOnesSayUnknown() {
        assertThat(List.of("attended", "excused_absence", "unexcused_absence", "rescheduled", "scheduled", "x"))
                .map(FamilyTexts::attendanceEmoji).containsExactly("✅", "😷", "❌", "📅", "🕒", "❓");
        assertThat(List.of("not_learned", "learned", "mastered")).map(FamilyTexts::masteryEmoji)
                .containsExactly("⚪", "🟡", "🟢");
        assertThat(FamilyTexts.masteryEmoji(null)).isEmpty();
        assertThat(List.of("pending", "submitted", "checked")).map(FamilyTexts::homeworkEmoji)
                .containsExactly("⏳", "📤", "✅");
        assertThat(FamilyTexts.label(RU, "family.attendance", "rescheduled")).isEqualTo("Перенесён");
        assertThat(FamilyTexts.label(EN, "family.hw_status", "submitted")).isEqualTo("Handed in, being checked");
        assertThat(FamilyTexts.label(RU, "family.attendance", "teleported")).isEqualTo("Неизвестно");
        assertThat(FamilyTexts.label(RU, "family.attendance", null)).isEqualTo("Неизвестно");
    }

    @Test
    void cancelledMeansTheThreeCancellationStatuses() {
        assertThat(lesson("a", null, "excused_absence", null).cancelled()).isTrue();
        assertThat(lesson("a", null, "unexcused_absence", null).cancelled()).isTrue();
        assertThat(lesson("a", null, "rescheduled", null).cancelled()).isTrue();
        assertThat(lesson("a", null, "attended", null).cancelled()).isFalse();
        assertThat(lesson("a", null, "scheduled", null).cancelled()).isFalse();
    }

    @Test
    void thePagerShowsOnlyTheWaysThatExist() {
        assertThat(FamilyTexts.pager(RU, 1, 1, p -> "x:" + p)).isEmpty();
        assertThat(FamilyTexts.pager(RU, 1, 3, p -> "x:" + p)).extracting(Button::text).containsExactly("1/3", "▶️");
        assertThat(FamilyTexts.pager(RU, 2, 3, p -> "x:" + p)).extracting(Button::data)
                .containsExactly("x:1", "x", "x:3");
        assertThat(FamilyTexts.pager(RU, 3, 3, p -> "x:" + p)).extracting(Button::text).containsExactly("◀️", "3/3");
    }
}
