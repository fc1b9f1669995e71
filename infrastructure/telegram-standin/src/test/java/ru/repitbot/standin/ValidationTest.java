package ru.repitbot.standin;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ParseMode;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.SendResponse;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest extends StandInTestBase {

    private static void assertBadRequest(BaseResponse response, String description) {
        assertThat(response.isOk()).isFalse();
        assertThat(response.errorCode()).isEqualTo(400);
        assertThat(response.description()).isEqualTo(description);
    }

    @Test
    void callbackDataIsOneTo64Bytes() {
        standIn.user(1001, "Анна");
        String sixtyFourBytes = "ю".repeat(32); // 2 bytes each in UTF-8
        String sixtyFiveBytes = sixtyFourBytes + "x";

        assertThat(bot.execute(new SendMessage(1001L, "ok").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("A").callbackData(sixtyFourBytes)))).isOk()).isTrue();
        assertBadRequest(bot.execute(new SendMessage(1001L, "too long").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("A").callbackData(sixtyFiveBytes)))), "Bad Request: BUTTON_DATA_INVALID");
        assertBadRequest(bot.execute(new SendMessage(1001L, "no action").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("A")))), "Bad Request: text buttons are unallowed in the inline keyboard");
    }

    @Test
    void textIsOneTo4096Characters() {
        standIn.user(1001, "Анна");

        assertBadRequest(bot.execute(new SendMessage(1001L, "")), "Bad Request: message text is empty");
        assertBadRequest(bot.execute(new SendMessage(1001L, "  \n ")), "Bad Request: message text is empty");
        assertBadRequest(bot.execute(new SendMessage(1001L, "я".repeat(4097))), "Bad Request: message is too long");
        assertThat(bot.execute(new SendMessage(1001L, "я".repeat(4096))).isOk()).isTrue();
    }

    @Test
    void editsMustChangeSomethingInAnExistingMessageOfTheBot() {
        ChatDriver anna = standIn.user(1001, "Анна");
        anna.send("моё сообщение");
        int id = bot.execute(new SendMessage(1001L, "Текст")).message().messageId();

        assertBadRequest(bot.execute(new EditMessageText(1001L, id, "Текст")), "Bad Request: message is not modified: "
                + "specified new message content and reply markup are exactly the same as a current content and reply "
                + "markup of the message");
        assertBadRequest(bot.execute(new EditMessageText(1001L, 999, "x")), "Bad Request: message to edit not found");
        assertBadRequest(bot.execute(new EditMessageText(1001L, 1, "x")), "Bad Request: message can't be edited");
        standIn.user(2002, "Петя");
        assertBadRequest(bot.execute(new EditMessageText(2002L, id, "x")), "Bad Request: message to edit not found");
        assertThat(bot.execute(new EditMessageText(1001L, id, "Новый текст")).isOk()).isTrue();
    }

    @Test
    void unknownChatsAndBlockedUsers() {
        ChatDriver anna = standIn.user(1001, "Анна");

        assertBadRequest(bot.execute(new SendMessage(424242L, "кому?")), "Bad Request: chat not found");

        anna.blockBot();
        SendResponse blocked = bot.execute(new SendMessage(1001L, "напоминание"));
        assertThat(blocked.errorCode()).isEqualTo(403);
        assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(poll(0)).singleElement().satisfies(u -> {
            assertThat(u.myChatMember().newChatMember().status().name()).isEqualTo("kicked");
            assertThat(u.myChatMember().from().id()).isEqualTo(1001L);
        });

        anna.send("/start"); // "Restart bot" unblocks
        assertThat(bot.execute(new SendMessage(1001L, "снова здесь")).isOk()).isTrue();
    }

    @Test
    void answeringACallbackTwiceOrAnUnknownOne() {
        ChatDriver anna = standIn.user(1001, "Анна");
        bot.execute(new SendMessage(1001L, "?").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("A").callbackData("a"))));
        String id = anna.press("A");

        assertThat(bot.execute(new AnswerCallbackQuery(id)).isOk()).isTrue();
        String tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        assertBadRequest(bot.execute(new AnswerCallbackQuery(id)), tooOld);
        assertBadRequest(bot.execute(new AnswerCallbackQuery("12345")), tooOld);
    }

    @Test
    void htmlAndMarkdownAreParsedLikeTelegram() {
        standIn.user(1001, "Анна");

        assertBadRequest(bot.execute(new SendMessage(1001L, "<b>жирный").parseMode(ParseMode.HTML)),
                "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        assertBadRequest(bot.execute(new SendMessage(1001L, "Итого: <br>").parseMode(ParseMode.HTML)),
                "Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 12");
        assertBadRequest(bot.execute(new SendMessage(1001L, "Оплата 1500.00 руб").parseMode(ParseMode.MarkdownV2)),
                "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
        SendResponse ok = bot.execute(new SendMessage(1001L, "*Итого:* 1500\\.00 _руб_").parseMode(ParseMode.MarkdownV2));
        assertThat(ok.isOk()).isTrue();
        assertThat(ok.message().text()).isEqualTo("Итого: 1500.00 руб");
        assertThat(ok.message().entities()).hasSize(2);
    }

    @Test
    void formJsonAndGetRequestsAreAllUnderstood() {
        standIn.user(1001, "Анна");

        HttpResponse<String> json = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"из JSON\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}}");
        HttpResponse<String> form = raw("sendMessage", "application/x-www-form-urlencoded",
                "chat_id=1001&text=" + URLEncoder.encode("из формы", StandardCharsets.UTF_8));
        HttpResponse<String> get = raw("sendMessage?chat_id=1001&text=" + URLEncoder.encode("из GET", StandardCharsets.UTF_8),
                null, null);
        HttpResponse<String> unknown = raw("sendSticker2", null, null);
        HttpResponse<String> caseInsensitive = raw("GETME", null, null);

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).startsWith("{\"ok\":true,\"result\":{\"message_id\":1,").contains("\"callback_data\":\"a\"");
        assertThat(form.body()).contains("\"text\":\"из формы\"");
        assertThat(get.body()).contains("\"text\":\"из GET\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        assertThat(caseInsensitive.body()).contains("\"is_bot\":true");
        assertThat(standIn.user(1001, "Анна").botMessages()).extracting(ChatMessage::text)
                .containsExactly("из JSON", "из формы", "из GET");
    }

    @Test
    void eachTokenIsItsOwnBotAndMalformedTokensAreUnauthorized() {
        StandInBot other = standIn.bot("777:another-bot");
        other.user(1001, "Анна");
        var otherClient = new com.pengrad.telegrambot.TelegramBot.Builder("777:another-bot").apiUrl(standIn.apiUrl()).build();
        try {
            assertThat(otherClient.execute(new SendMessage(1001L, "от другого бота")).isOk()).isTrue();
        } finally {
            otherClient.shutdown();
        }
        assertThat(other.messages(1001)).hasSize(1);
        assertThat(standIn.bot().messages(1001)).isEmpty();
        assertBadRequest(bot.execute(new SendMessage(1001L, "бот по умолчанию не знает Анну")), "Bad Request: chat not found");

        var wrong = new com.pengrad.telegrambot.TelegramBot.Builder("777:wrong-secret").apiUrl(standIn.apiUrl()).build();
        try {
            BaseResponse unauthorized = wrong.execute(new SendMessage(1001L, "x"));
            assertThat(unauthorized.errorCode()).isEqualTo(401);
            assertThat(unauthorized.description()).isEqualTo("Unauthorized");
        } finally {
            wrong.shutdown();
        }
    }
}
