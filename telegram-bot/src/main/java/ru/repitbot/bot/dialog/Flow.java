package ru.repitbot.bot.dialog;

/**
 * A piece of the bot's conversation (login, the tutor's students, homework…): a Spring bean that registers its
 * commands, buttons, reply-keyboard labels and dialog steps once at start-up. Adding a flow needs no change to the
 * core: declare the bean (a {@code @Bean} in {@code config/FlowsConfiguration} or {@code @Component}) and it is in.
 */
public interface Flow {

    void register(FlowRegistry registry);
}
