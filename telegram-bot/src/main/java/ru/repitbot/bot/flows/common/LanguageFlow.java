package ru.repitbot.bot.flows.common;

import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.i18n.Language;

/**
 * {@code /language}: Russian (the default) or English, per person, kept in Redis. After a switch the main menu is sent
 * again, so the reply keyboard speaks the new language too (old keyboards keep working: labels match in both).
 */
@Component
public class LanguageFlow implements Flow {

    @Override
    public void register(FlowRegistry registry) {
        registry.command("language", Access.anyone(), this::choose);
        registry.callback(Routes.LANGUAGE, Access.anyone(), this::set);
    }

    private Reply choose(Turn turn) {
        return Reply.of(Screen.of(turn.t("language.choose"), Keyboard.inline()
                .row(Button.of(turn.t("language.ru"), Routes.LANGUAGE.data(Language.RU.code())),
                        Button.of(turn.t("language.en"), Routes.LANGUAGE.data(Language.EN.code())))
                .build()));
    }

    private Reply set(Turn turn) {
        Language language = Language.of(turn.callback().arg(0)).orElse(Language.RU);
        turn.switchLanguage(language);
        Reply reply = Reply.of(Screen.of(turn.t("language.set")));
        return turn.login().isPresent() ? reply.then(turn.mainMenu()) : reply;
    }
}
