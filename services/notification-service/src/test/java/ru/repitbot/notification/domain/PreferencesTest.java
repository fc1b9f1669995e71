package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant LATE_EVENING = LocalDateTime.parse("2026-12-06T23:10").atZone(MOSCOW).toInstant();
    private static final Instant NEXT_MORNING = LocalDateTime.parse("2026-12-07T08:00").atZone(MOSCOW).toInstant();

    @Test
    void everyKindIsOnByDefaultAndNightsAreQuiet() {
        Preferences defaults = Preferences.defaults();
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(defaults.isOn(kind)).as(kind.value()).isTrue();
        }
        assertThat(defaults.quietHours()).isEqualTo(QuietHours.NIGHT);
    }

    @Test
    void aSwitchedOffKindStaysOffAndOthersKeepTheirDefaults() {
        Preferences prefs = Preferences.defaults().withSwitch(NoticeKind.BALANCE_DIGEST, false);
        assertThat(prefs.isOn(NoticeKind.BALANCE_DIGEST)).isFalse();
        assertThat(prefs.isOn(NoticeKind.BALANCE_LOW)).isTrue();
        assertThat(prefs.withSwitch(NoticeKind.BALANCE_DIGEST, true).isOn(NoticeKind.BALANCE_DIGEST)).isTrue();
    }

    @Test
    void messagesAndLinkChangesCannotBeSwitchedOff() {
        assertThatThrownBy(() -> Preferences.defaults().withSwitch(NoticeKind.MESSAGE, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> Preferences.defaults().withSwitch(NoticeKind.ACCOUNT_LINK, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrdinaryNoticeInTheNightWaitsForTheMorningAndAnUrgentOneGoesAtOnce() {
        Person parent = new Person(1, MOSCOW, Locale.forLanguageTag("ru"), Preferences.defaults());
        assertThat(parent.deliverAt(LATE_EVENING, NoticeKind.HOMEWORK_ACCEPTED)).isEqualTo(NEXT_MORNING);
        assertThat(parent.deliverAt(LATE_EVENING, NoticeKind.LESSON_CANCELLED)).isEqualTo(LATE_EVENING);
        assertThat(parent.deliverAt(LATE_EVENING, NoticeKind.LESSON_RESCHEDULED)).isEqualTo(LATE_EVENING);
        assertThat(parent.deliverAt(LATE_EVENING, NoticeKind.LESSON_REMINDER_1H)).isEqualTo(LATE_EVENING);
    }

    @Test
    void aPersonDecidesWhatIsUrgentAndWhenTheirNightIs() {
        Preferences prefs = Preferences.defaults()
                .withUrgent(NoticeKind.MESSAGE, true)
                .withUrgent(NoticeKind.LESSON_CANCELLED, false)
                .withQuietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)));
        assertThat(prefs.deliverAt(LATE_EVENING, NoticeKind.MESSAGE, MOSCOW)).isEqualTo(LATE_EVENING);
        assertThat(prefs.deliverAt(LATE_EVENING, NoticeKind.LESSON_CANCELLED, MOSCOW))
                .isEqualTo(LocalDateTime.parse("2026-12-07T07:00").atZone(MOSCOW).toInstant());
        assertThat(prefs.withQuietHours(QuietHours.NONE).deliverAt(LATE_EVENING, NoticeKind.BROADCAST, MOSCOW))
                .isEqualTo(LATE_EVENING);
    }

    @Test
    void kindsHaveStableWireValues() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(NoticeKind.fromValue(kind.value())).isEqualTo(kind);
            assertThat(kind.value()).matches("[a-z0-9_]+");
        }
        assertThatThrownBy(() -> NoticeKind.fromValue("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
