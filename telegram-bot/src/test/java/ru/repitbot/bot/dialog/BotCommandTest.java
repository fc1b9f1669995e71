package ru.repitbot.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotCommandTest {

    @Test
    void recognisesTheCommandInEveryFormTelegramSends() {
        assertThat(BotCommand.nameOf("/start")).contains("start");
        assertThat(BotCommand.nameOf("/start@RepitBot")).contains("start");
        assertThat(BotCommand.nameOf("  /START deep-link-payload ")).contains("start");
        assertThat(BotCommand.nameOf("/cancel")).contains("cancel");
    }

    @Test
    void plainTextIsNoCommand() {
        assertThat(BotCommand.nameOf("ABCD1234")).isEmpty();
        assertThat(BotCommand.nameOf("start")).isEmpty();
        assertThat(BotCommand.nameOf("/")).isEmpty();
        assertThat(BotCommand.nameOf("/@RepitBot")).isEmpty();
        assertThat(BotCommand.nameOf("")).isEmpty();
        assertThat(BotCommand.nameOf(null)).isEmpty();
    }
}
