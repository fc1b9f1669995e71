package ru.repitbot.bot.flows.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an admin may type as a tutor's full name. */
class AdminFlowNameTest {

    @Test
    void aNameIsTwoToOneHundredCharactersOnOneLine() {
        assertThat(AdminFlow.validName("  Ирина\n  Смирнова ")).isEqualTo("Ирина Смирнова");
        assertThat(AdminFlow.validName("И")).isNull();
        assertThat(AdminFlow.validName("/skip")).isNull();
        assertThat(AdminFlow.validName("я".repeat(101))).isNull();
        assertThat(AdminFlow.validName("я".repeat(100))).hasSize(100);
        assertThat(AdminFlow.validName(null)).isNull();
    }
}
