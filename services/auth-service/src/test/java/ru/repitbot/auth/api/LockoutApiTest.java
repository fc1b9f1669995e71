package ru.repitbot.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;

class LockoutApiTest extends AuthApiTestBase {

    @Test
    void sixWrongCodesAre429WithRetryAfterAndTheRightCodeIsRefusedWhileLocked() {
        FakeUserService.User user = users.addUser("student", "Торопыжка");
        long telegramId = randomTelegramId();
        ApiClient caller = anonymousCaller();

        for (int i = 1; i <= 5; i++) {
            assertThat(login(caller, FakeUserService.randomCode(), telegramId).status()).as("attempt %d", i)
                    .isEqualTo(401);
        }
        ApiResponse sixth = login(caller, FakeUserService.randomCode(), telegramId);

        assertThat(sixth.status()).as("%s", sixth).isEqualTo(429);
        assertThat(sixth.isProblem()).isTrue();
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);

        // The right code from the same Telegram account, even from another address, waits for the lock-out.
        ApiResponse right = login(anonymousCaller(), user.code, telegramId);
        assertThat(right.status()).as("%s", right).isEqualTo(429);
        assertThat(right.header("Retry-After")).isNotBlank();
        assertThat(user.telegramId).as("user-service was not even asked").isNull();
    }

    @Test
    void wrongCodesFromOneAddressLockThatAddressWhateverTheTelegramId() {
        FakeUserService.User user = users.addUser("student", "Сосед");
        ApiClient caller = anonymousCaller();
        for (int i = 0; i < 5; i++) {
            assertThat(login(caller, FakeUserService.randomCode(), randomTelegramId()).status()).isEqualTo(401);
        }

        ApiResponse response = login(caller, user.code, randomTelegramId());

        assertThat(response.status()).as("%s", response).isEqualTo(429);
        assertThat(response.header("Retry-After")).isNotBlank();
        // Another address is not affected.
        assertThat(login(anonymousCaller(), user.code, randomTelegramId()).status()).isEqualTo(200);
    }

    @Test
    void withoutXForwardedForTheRemoteAddressIsCounted() {
        // Only this test logs in without X-Forwarded-For, so 127.0.0.1 is its own subject here.
        for (int i = 0; i < 5; i++) {
            assertThat(login(api(), FakeUserService.randomCode(), randomTelegramId()).status()).isEqualTo(401);
        }
        FakeUserService.User user = users.addUser("student", "С локалхоста");

        assertThat(login(api(), user.code, randomTelegramId()).status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulLoginResetsTheTelegramIdsCounter() {
        FakeUserService.User user = users.addUser("student", "Исправившийся");
        long telegramId = randomTelegramId();
        for (int i = 0; i < 4; i++) {
            assertThat(login(anonymousCaller(), FakeUserService.randomCode(), telegramId).status()).isEqualTo(401);
        }
        assertThat(login(anonymousCaller(), user.code, telegramId).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login(anonymousCaller(), FakeUserService.randomCode(), telegramId).status())
                    .as("attempt %d after the reset", i + 1).isEqualTo(401);
        }
    }

    @Test
    void theBotWithItsServiceTokenIsCountedPerTelegramIdOnly() {
        ApiClient bot = anonymousCaller().withToken(serviceToken("telegram-bot", BOT_SECRET));
        for (int i = 0; i < 6; i++) {
            assertThat(login(bot, FakeUserService.randomCode(), randomTelegramId()).status()).isEqualTo(401);
        }
        FakeUserService.User user = users.addUser("student", "Через бота");
        assertThat(login(bot, user.code, randomTelegramId()).status()).isEqualTo(200);

        long telegramId = randomTelegramId();
        for (int i = 0; i < 5; i++) {
            login(bot, FakeUserService.randomCode(), telegramId);
        }
        assertThat(login(bot, FakeUserService.randomCode(), telegramId).status()).isEqualTo(429);
    }

    @Test
    void anInvalidBearerTokenOnLoginIsIgnoredNotTrusted() {
        ApiClient caller = anonymousCaller().withToken("garbage");
        for (int i = 0; i < 5; i++) {
            assertThat(login(caller, FakeUserService.randomCode(), randomTelegramId()).status()).isEqualTo(401);
        }
        assertThat(login(caller, FakeUserService.randomCode(), randomTelegramId()).status()).isEqualTo(429);
    }
}
