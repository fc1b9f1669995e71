package ru.repitbot.bot.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import ru.repitbot.bot.dialog.BotTexts;
import ru.repitbot.bot.dialog.UpdateDispatcher;
import ru.repitbot.bot.telegram.PollingState;
import ru.repitbot.bot.telegram.TelegramHealthIndicator;
import ru.repitbot.bot.telegram.TelegramPolling;

@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    /** The bot speaks Russian (DECISIONS "Language"); texts live in {@code messages_<lang>.properties}. */
    public static final Locale BOT_LOCALE = Locale.forLanguageTag("ru");

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setDefaultLocale(BOT_LOCALE);
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    BotTexts botTexts(MessageSource messageSource) {
        return new BotTexts(messageSource, BOT_LOCALE);
    }

    @Bean
    UpdateDispatcher updateDispatcher(BotTexts texts) {
        return new UpdateDispatcher(texts);
    }

    @Bean
    PollingState pollingState(BotProperties properties) {
        return new PollingState(properties.telegram().enabled());
    }

    @Bean
    TelegramPolling telegramPolling(BotProperties properties, UpdateDispatcher dispatcher, PollingState state) {
        return new TelegramPolling(properties, dispatcher, state);
    }

    /** Shown in {@code /health} as the {@code telegram} component. */
    @Bean
    TelegramHealthIndicator telegramHealthIndicator(PollingState state, BotProperties properties) {
        return new TelegramHealthIndicator(state, properties.telegram().apiUrl());
    }
}
