package ru.repitbot.standin;

import com.pengrad.telegrambot.Callback;
import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.MessageEntity;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ParseMode;
import com.pengrad.telegrambot.model.request.ReplyKeyboardMarkup;
import com.pengrad.telegrambot.model.request.ReplyKeyboardRemove;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.DeleteMessage;
import com.pengrad.telegrambot.request.EditMessageReplyMarkup;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.GetMe;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetMeResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.response.SendResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollingAndMessagesTest extends StandInTestBase {

    @Test
    void getMeDescribesTheBotOfTheToken() {
        GetMeResponse me = bot.execute(new GetMe());

        assertThat(me.isOk()).isTrue();
        assertThat(me.user().id()).isEqualTo(100000001L);
        assertThat(me.user().isBot()).isTrue();
        assertThat(me.user().username()).isEqualTo("repitbot_standin_bot");
    }

    @Test
    void aLongPollReceivesTheUsersTextAndButtonPress() throws Exception {
        ChatDriver anna = standIn.user(1001, "Анна");

        // The poll is waiting before the user types: it returns as soon as the message arrives.
        CompletableFuture<List<Update>> waiting = CompletableFuture.supplyAsync(() -> poll(20));
        Thread.sleep(300);
        long started = System.nanoTime();
        anna.send("/start");
        List<Update> first = waiting.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        assertThat(first).hasSize(1);
        Message start = first.getFirst().message();
        assertThat(start.text()).isEqualTo("/start");
        assertThat(start.chat().id()).isEqualTo(1001L);
        assertThat(start.from().firstName()).isEqualTo("Анна");
        assertThat(start.from().isBot()).isFalse();
        assertThat(start.entities()).extracting(MessageEntity::type).containsExactly(MessageEntity.Type.bot_command);

        SendResponse sent = bot.execute(new SendMessage(1001L, "Выберите").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("Да").callbackData("answer:yes"),
                new InlineKeyboardButton("Нет").callbackData("answer:no"))));
        assertThat(sent.isOk()).isTrue();

        String queryId = anna.press("Нет");
        List<Update> second = poll(5);
        assertThat(second).hasSize(1);
        CallbackQuery query = second.getFirst().callbackQuery();
        assertThat(query.id()).isEqualTo(queryId);
        assertThat(query.data()).isEqualTo("answer:no");
        assertThat(query.from().id()).isEqualTo(1001L);
        assertThat(query.message().messageId()).isEqualTo(sent.message().messageId());
        assertThat(query.message().text()).isEqualTo("Выберите");

        // Confirmed updates are not sent again.
        assertThat(poll(0)).isEmpty();
        assertThat(standIn.bot().pendingUpdates()).isZero();
    }

    @Test
    void aSentMessageWithAnInlineKeyboardAppearsInTheChat() {
        ChatDriver anna = standIn.user(1001, "Анна");

        SendResponse sent = bot.execute(new SendMessage(1001L, "<b>Здравствуйте</b>, Анна!\nВаш код?")
                .parseMode(ParseMode.HTML)
                .replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton[] {
                    new InlineKeyboardButton("Ученики").callbackData("students"),
                    new InlineKeyboardButton("Уроки").callbackData("lessons")}, new InlineKeyboardButton[] {
                        new InlineKeyboardButton("Сайт").url("https://example.org")})));

        assertThat(sent.isOk()).isTrue();
        Message m = sent.message();
        assertThat(m.text()).isEqualTo("Здравствуйте, Анна!\nВаш код?");
        assertThat(m.entities()).extracting(MessageEntity::type).containsExactly(MessageEntity.Type.bold);
        assertThat(m.from().isBot()).isTrue();
        assertThat(m.replyMarkup().inlineKeyboard()[0][1].callbackData()).isEqualTo("lessons");

        ChatMessage shown = anna.lastBotMessage();
        assertThat(shown.messageId()).isEqualTo(m.messageId());
        assertThat(shown.text()).isEqualTo("Здравствуйте, Анна!\nВаш код?");
        assertThat(shown.html()).isEqualTo("<b>Здравствуйте</b>, Анна!\nВаш код?");
        assertThat(shown.buttonTexts()).containsExactly("Ученики", "Уроки", "Сайт");
        assertThat(shown.button("Сайт").orElseThrow().url()).isEqualTo("https://example.org");
    }

    @Test
    void editMessageTextChangesTheMessageInPlace() {
        ChatDriver anna = standIn.user(1001, "Анна");
        int id = bot.execute(new SendMessage(1001L, "Урок в 15:00").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("Отменить").callbackData("cancel")))).message().messageId();

        anna.press("Отменить");
        BaseResponse edited = bot.execute(new EditMessageText(1001L, id, "Урок отменён"));

        assertThat(edited.isOk()).isTrue();
        ChatMessage after = anna.awaitBotMessage(m -> m.edited(), Duration.ofSeconds(2));
        assertThat(after.messageId()).isEqualTo(id);
        assertThat(after.text()).isEqualTo("Урок отменён");
        assertThat(after.inlineKeyboard()).as("an edit without reply_markup removes the keyboard").isEmpty();
        assertThat(anna.botMessages()).hasSize(1);

        assertThat(bot.execute(new EditMessageReplyMarkup(1001L, id).replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("Вернуть").callbackData("restore")))).isOk()).isTrue();
        assertThat(anna.lastBotMessage().buttonTexts()).containsExactly("Вернуть");
        assertThat(anna.lastBotMessage().editCount()).isEqualTo(2);

        assertThat(bot.execute(new DeleteMessage(1001L, id)).isOk()).isTrue();
        assertThat(anna.botMessages()).isEmpty();
    }

    @Test
    void callbackAnswersAreRecordedAndUnansweredOnesShow() {
        ChatDriver anna = standIn.user(1001, "Анна");
        bot.execute(new SendMessage(1001L, "?").replyMarkup(new InlineKeyboardMarkup(
                new InlineKeyboardButton("A").callbackData("a"), new InlineKeyboardButton("B").callbackData("b"))));

        String a = anna.press("A");
        String b = anna.press("B");
        assertThat(standIn.allCallbackQueriesAnswered()).isFalse();

        assertThat(bot.execute(new AnswerCallbackQuery(a).text("Готово")).isOk()).isTrue();
        assertThat(anna.awaitCallbackAnswer(a, Duration.ofSeconds(1)).text()).isEqualTo("Готово");
        assertThat(standIn.bot().unansweredCallbackQueries()).extracting(CallbackAnswer::queryId).containsExactly(b);

        assertThat(bot.execute(new AnswerCallbackQuery(b).text("Нельзя").showAlert(true)).isOk()).isTrue();
        assertThat(standIn.allCallbackQueriesAnswered()).isTrue();
        assertThat(anna.callbackAnswers()).extracting(CallbackAnswer::data, CallbackAnswer::showAlert)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false),
                        org.assertj.core.groups.Tuple.tuple("b", true));
        assertThat(standIn.callCounts()).containsEntry("answerCallbackQuery", 2).containsEntry("sendMessage", 1);
    }

    @Test
    void theReplyKeyboardIsShownPressedAndRemoved() {
        ChatDriver anna = standIn.user(1001, "Анна");
        bot.execute(new SendMessage(1001L, "Меню").replyMarkup(new ReplyKeyboardMarkup(
                new String[] {"Мои уроки", "Оплата"}, new String[] {"Помощь"}).resizeKeyboard(true).oneTimeKeyboard(true)));

        assertThat(anna.replyKeyboard()).containsExactly(List.of("Мои уроки", "Оплата"), List.of("Помощь"));
        assertThat(anna.press("Оплата")).as("a reply-keyboard button sends its text").isNull();
        assertThat(anna.messages().getLast().text()).isEqualTo("Оплата");
        assertThat(anna.replyKeyboard()).as("one_time_keyboard hides after use").isEmpty();

        bot.execute(new SendMessage(1001L, "Снова").replyMarkup(new ReplyKeyboardMarkup("Да", "Нет")));
        assertThat(anna.replyKeyboard()).containsExactly(List.of("Да", "Нет"));
        bot.execute(new SendMessage(1001L, "Убрал").replyMarkup(new ReplyKeyboardRemove()));
        assertThat(anna.replyKeyboard()).isEmpty();
    }

    @Test
    void overlappingPollsAnswerTheOlderOneWithConflict() throws Exception {
        CompletableFuture<GetUpdatesResponse> older = new CompletableFuture<>();
        bot.execute(new GetUpdates().timeout(20), new Callback<GetUpdates, GetUpdatesResponse>() {
            @Override
            public void onResponse(GetUpdates request, GetUpdatesResponse response) {
                older.complete(response);
            }

            @Override
            public void onFailure(GetUpdates request, IOException e) {
                older.completeExceptionally(e);
            }
        });
        Thread.sleep(300);

        GetUpdatesResponse newer = bot.execute(new GetUpdates().timeout(0));

        assertThat(newer.isOk()).isTrue();
        GetUpdatesResponse terminated = older.get(5, TimeUnit.SECONDS);
        assertThat(terminated.isOk()).isFalse();
        assertThat(terminated.errorCode()).isEqualTo(409);
        assertThat(terminated.description())
                .isEqualTo("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }

    @Test
    void usersAndTheDriverSeeTheWholeConversation() {
        ChatDriver anna = standIn.user(1001, "Анна");
        anna.send("привет");
        poll(0);
        bot.execute(new SendMessage(1001L, "Здравствуйте! Введите код доступа."));

        ChatMessage reply = anna.awaitBotMessage(m -> m.text().contains("код"), Duration.ofSeconds(2));

        assertThat(reply.fromBot()).isTrue();
        assertThat(anna.messages()).extracting(ChatMessage::text).containsExactly("привет",
                "Здравствуйте! Введите код доступа.");
        assertThat(anna.transcript()).contains("user #1: привет").contains("bot #2: Здравствуйте!");
    }
}
