package ru.repitbot.standin;

import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.SendResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class LimitsTest extends StandInTestBase {

    @Test
    void aTightLoopToOneChatGets429WithRetryAfterThenSucceedsAfterWaiting() throws Exception {
        standIn.user(1001, "Анна");
        List<SendResponse> answers = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            answers.add(bot.execute(new SendMessage(1001L, "сообщение " + i)));
        }

        // A burst of 3, then 1 a second: the loop (well under a second, or a few on a busy machine) gets 429s.
        assertThat(answers.subList(0, 3)).allMatch(BaseResponse::isOk);
        List<SendResponse> limitedAnswers = answers.stream().filter(a -> !a.isOk()).toList();
        assertThat(limitedAnswers).hasSizeGreaterThan(30).allSatisfy(a -> assertThat(a.errorCode()).isEqualTo(429));
        SendResponse limited = limitedAnswers.getFirst();
        int retryAfter = limited.parameters().retryAfter();
        assertThat(retryAfter).isGreaterThanOrEqualTo(1);
        assertThat(limited.description()).isEqualTo("Too Many Requests: retry after " + retryAfter);
        assertThat(standIn.tooManyRequests()).hasSize(limitedAnswers.size()).allSatisfy(t -> {
            assertThat(t.reason()).isEqualTo("chat");
            assertThat(t.chatId()).isEqualTo(1001L);
            assertThat(t.method()).isEqualTo("sendMessage");
        });
        long delivered = answers.stream().filter(BaseResponse::isOk).count();

        Thread.sleep(retryAfter * 1000L + 50);
        assertThat(bot.execute(new SendMessage(1001L, "после паузы")).isOk()).isTrue();
        assertThat(standIn.user(1001, "Анна").botMessages()).hasSize((int) delivered + 1);
    }

    @Test
    void thirtyMessagesASecondInAllChats() {
        for (int i = 1; i <= 100; i++) {
            standIn.user(5000 + i, "U" + i);
        }
        List<SendResponse> answers = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            answers.add(bot.execute(new SendMessage(5000L + i, "рассылка")));
        }

        // 30 at once, then 30 a second: 100 calls in well under the 3 s that would let them all through.
        assertThat(answers.subList(0, 30)).allMatch(BaseResponse::isOk);
        assertThat(answers.stream().filter(a -> a.errorCode() == 429).count()).isPositive();
        assertThat(standIn.tooManyRequests()).isNotEmpty().allSatisfy(t -> assertThat(t.reason()).isEqualTo("global"));
    }

    @Test
    void groupsGetTwentyAMinute() {
        standIn.bot().group(-100500, "9 класс", 3003, "Оля");
        List<SendResponse> answers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            answers.add(bot.execute(new SendMessage(-100500L, "объявление " + i)));
        }

        assertThat(answers.subList(0, 20)).allMatch(BaseResponse::isOk);
        assertThat(answers.get(20).errorCode()).isEqualTo(429);
        assertThat(answers.get(20).parameters().retryAfter()).isBetween(1, 3);
    }

    @Test
    void aForced429StormHitsTheNamedMethodOnly() {
        standIn.user(1001, "Анна");
        standIn.failNext(2, "sendMessage", ForcedFailure.tooManyRequests(7));

        assertThat(bot.execute(new GetMe()).isOk()).isTrue();
        SendResponse first = bot.execute(new SendMessage(1001L, "1"));
        SendResponse second = bot.execute(new SendMessage(1001L, "2"));
        SendResponse third = bot.execute(new SendMessage(1001L, "3"));

        assertThat(first.errorCode()).isEqualTo(429);
        assertThat(first.parameters().retryAfter()).isEqualTo(7);
        assertThat(second.description()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(third.isOk()).isTrue();
        assertThat(standIn.tooManyRequests()).extracting(TooManyRequests::reason).containsExactly("forced", "forced");
        assertThat(standIn.callCounts()).containsEntry("sendMessage", 3).containsEntry("getMe", 1);
    }

    @Test
    void forcedServerErrors() {
        standIn.user(1001, "Анна");
        standIn.failNext(1, null, ForcedFailure.serverError());
        standIn.failNext(1, null, ForcedFailure.badGateway());

        BaseResponse internal = bot.execute(new GetMe());
        assertThat(internal.errorCode()).isEqualTo(500);
        assertThat(internal.description()).isEqualTo("Internal Server Error");

        // 502 comes as nginx's HTML page, as from Telegram: the library cannot parse it.
        assertThat(catchThrowable(() -> bot.execute(new GetMe()))).isNotNull();
        HttpResponse<String> ok = raw("getMe", null, null);
        assertThat(ok.statusCode()).isEqualTo(200);

        standIn.failNext(1, "getMe", ForcedFailure.badGateway());
        HttpResponse<String> gateway = raw("getMe", null, null);
        assertThat(gateway.statusCode()).isEqualTo(502);
        assertThat(gateway.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(gateway.body()).contains("502 Bad Gateway");
    }

    @Test
    void limitsCanBeSwitchedOff() {
        try (TelegramStandIn free = TelegramStandIn.start(0, StandInOptions.defaults().withoutLimits())) {
            ChatDriver anna = free.user(1001, "Анна");
            var client = new com.pengrad.telegrambot.TelegramBot.Builder(free.token()).apiUrl(free.apiUrl()).build();
            try {
                for (int i = 0; i < 40; i++) {
                    assertThat(client.execute(new SendMessage(1001L, "m" + i)).isOk()).isTrue();
                }
            } finally {
                client.shutdown();
            }
            assertThat(anna.botMessages()).hasSize(40);
        }
    }
}
