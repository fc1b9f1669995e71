package ru.repitbot.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.repitbot.events.catalogue.Change;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.InvalidFieldException;

class UserTest {

    private static final Instant NOW = Instant.parse("2025-09-01T10:00:00Z");

    private static User student() {
        return User.create(Role.STUDENT, "  Иван   Петров ", "Europe/Moscow", 7, "hash", 1L, NOW);
    }

    @Test
    void namesAreTrimmedAndMustBeTwoToHundredCharacters() {
        assertThat(student().fullName()).isEqualTo("Иван Петров");
        assertThatThrownBy(() -> User.create(Role.TUTOR, " ", "UTC", null, "h", null, NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> User.create(Role.TUTOR, "Я", "UTC", null, "h", null, NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> User.create(Role.TUTOR, "x".repeat(101), "UTC", null, "h", null, NOW))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void onlyStudentsHaveAGradeFromOneToEleven() {
        assertThatThrownBy(() -> User.create(Role.PARENT, "Мама", "UTC", 5, "h", null, NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("grade"));
        assertThatThrownBy(() -> student().update(null, null, 12, null, NOW))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void anUpdateReportsOnlyWhatChangedWithTheOldValues() {
        User user = student();
        UserChanges changes = user.update("Иван Петров", "Asia/Omsk", 8, "@ivan_p", NOW.plusSeconds(60));
        assertThat(changes.fullName()).as("the same name is no change").isNull();
        assertThat(changes.timeZone()).isEqualTo(Change.of("Europe/Moscow", "Asia/Omsk"));
        assertThat(changes.grade()).isEqualTo(Change.of(7, 8));
        assertThat(changes.username().newValue()).isEqualTo("ivan_p");
        assertThat(user.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aNewCodeReleasesTheTelegramAccount() {
        User user = student();
        user.bindTelegram(555L, "ivan_p", NOW);
        UserChanges changes = user.replaceAccessCode("new-hash", NOW);
        assertThat(user.telegramId()).isNull();
        assertThat(user.accessCodeHash()).isEqualTo("new-hash");
        assertThat(changes.telegramId()).isEqualTo(Change.of(555L, null));
    }
}
