package ru.repitbot.bot.dialog;

import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.SendMessage;
import java.util.Optional;

/**
 * Decides what the bot answers to an update. The skeleton knows one flow: {@code /start} gets the greeting that
 * asks for the access code (SPEC §4.1). Everything else (the code itself, menus, dialogs) is not built yet and gets
 * no answer.
 */
public class UpdateDispatcher {

    static final String START = "start";

    private final BotTexts texts;

    public UpdateDispatcher(BotTexts texts) {
        this.texts = texts;
    }

    public Optional<SendMessage> replyTo(Update update) {
        Message message = update.message();
        if (message == null || message.text() == null || message.chat() == null) {
            return Optional.empty();
        }
        return BotCommand.nameOf(message.text())
                .filter(START::equals)
                .map(command -> new SendMessage(message.chat().id(), texts.get("start.greeting")));
    }
}
