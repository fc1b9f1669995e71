package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

class TimeZonesTest {

    private final TimeZones zones = new TimeZones("Europe/Kaliningrad");

    @Test
    void aRequestedZoneWins() {
        assertThat(zones.resolve("Asia/Yekaterinburg", "Europe/Moscow")).isEqualTo("Asia/Yekaterinburg");
    }

    @Test
    void withoutOneTheTutorsZoneIsInherited() {
        assertThat(zones.resolve(null, "Europe/Moscow")).isEqualTo("Europe/Moscow");
    }

    @Test
    void otherwiseTheInstallationDefault() {
        assertThat(zones.resolve(null, null)).isEqualTo("Europe/Kaliningrad");
    }

    @Test
    void onlyIanaRegionsAreZones() {
        for (String bad : new String[] {"Mars/Olympus", "+03:00", "UTC+3", "", "europe/moscow"}) {
            assertThatThrownBy(() -> zones.resolve(bad, null)).as(bad)
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("time_zone"));
        }
    }

    @Test
    void aBadInstallationDefaultStopsStartUp() {
        assertThatThrownBy(() -> new TimeZones("Nowhere/Town")).isInstanceOf(InvalidFieldException.class);
    }
}
