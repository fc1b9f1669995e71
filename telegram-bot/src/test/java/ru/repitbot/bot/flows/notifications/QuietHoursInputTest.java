package ru.repitbot.bot.flows.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.bot.flows.notifications.NotifyModels.QuietHours;

/** Quiet hours as people type them, and time zone names as they type them. */
class QuietHoursInputTest {

    @Test
    void theUsualWaysOfWritingAWindowAreUnderstood() {
        QuietHours night = new QuietHours("22:00", "08:00");
        assertThat(QuietHoursInput.parse("22:00–08:00")).contains(night);
        assertThat(QuietHoursInput.parse("22:00-08:00")).contains(night);
        assertThat(QuietHoursInput.parse(" 22:00 — 8:00 ")).contains(night);
        assertThat(QuietHoursInput.parse("22-8")).contains(night);
        assertThat(QuietHoursInput.parse("с 22 до 8")).contains(night);
        assertThat(QuietHoursInput.parse("22.30-7.15")).contains(new QuietHours("22:30", "07:15"));
        assertThat(QuietHoursInput.parse("13:00-14:30")).contains(new QuietHours("13:00", "14:30"));
        assertThat(QuietHoursInput.parse("from 23 to 7")).contains(new QuietHours("23:00", "07:00"));
    }

    @Test
    void anythingElseIsNotUnderstood() {
        assertThat(QuietHoursInput.parse("25:00-08:00")).isEmpty();
        assertThat(QuietHoursInput.parse("22:60-08:00")).isEmpty();
        assertThat(QuietHoursInput.parse("22:00")).isEmpty();
        assertThat(QuietHoursInput.parse("ночью")).isEmpty();
        assertThat(QuietHoursInput.parse("")).isEmpty();
        assertThat(QuietHoursInput.parse(null)).isEmpty();
    }

    @Test
    void zoneNamesAreMatchedToTheirProperSpelling() {
        assertThat(SettingsFlow.zone("europe/berlin")).contains("Europe/Berlin");
        assertThat(SettingsFlow.zone(" Asia/Novosibirsk ")).contains("Asia/Novosibirsk");
        assertThat(SettingsFlow.zone("America/New York")).contains("America/New_York");
        assertThat(SettingsFlow.zone("Moscow")).isEmpty();
        assertThat(SettingsFlow.zone("+03:00")).isEmpty();
        assertThat(SettingsFlow.zone("")).isEmpty();
    }
}
