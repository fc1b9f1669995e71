package ru.repitbot.bot.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.MainMenus;
import ru.repitbot.bot.dialog.Router;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.gateway.AuthApi;
import ru.repitbot.bot.gateway.GatewayFactory;
import ru.repitbot.bot.gateway.GatewayHttp;
import ru.repitbot.bot.gateway.ServiceTokens;
import ru.repitbot.bot.i18n.Language;
import ru.repitbot.bot.i18n.Texts;
import ru.repitbot.bot.session.RedisKeys;
import ru.repitbot.bot.session.SessionStore;
import ru.repitbot.bot.telegram.BotMetrics;
import ru.repitbot.bot.telegram.ChatWorkers;
import ru.repitbot.bot.telegram.DialogMessages;
import ru.repitbot.bot.telegram.Leases;
import ru.repitbot.bot.telegram.PollingState;
import ru.repitbot.bot.telegram.Recipients;
import ru.repitbot.telegram.limits.Limits;
import ru.repitbot.telegram.limits.TelegramSendLimits;
import ru.repitbot.bot.telegram.TelegramApi;
import ru.repitbot.bot.telegram.TelegramDelivery;
import ru.repitbot.bot.telegram.TelegramHealthIndicator;
import ru.repitbot.bot.telegram.TelegramPolling;
import ru.repitbot.bot.telegram.TelegramRuntime;
import ru.repitbot.bot.telegram.TelegramSender;
import ru.repitbot.bot.telegram.UpdateHandler;
import ru.repitbot.bot.telegram.UpdateIntake;
import ru.repitbot.bot.telegram.UpdateQueue;
import ru.repitbot.bot.telegram.WebhookSecret;

/**
 * The bot's core, wired: transport (intake → per-chat queue → workers → router → flows → sender), the gateway client,
 * sessions and texts. Every bean exists whatever the settings (the bot is built with Spring AOT); the settings are
 * read when it runs (no token = idle, a webhook URL = webhook instead of polling). Flows are the {@link Flow} beans.
 */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    /** Every message bundle, each as {@code <name>_ru.properties} and {@code <name>_en.properties}. */
    public static final java.util.List<String> TEXT_BUNDLES = java.util.List.of("messages", "texts/lessons",
            "texts/homework", "texts/payments", "texts/family", "texts/admin", "texts/notifications",
            "texts/achievements");

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // The core's texts, then one bundle per area of flows, so that flows are written side by side.
        source.setBasenames(TEXT_BUNDLES.toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setDefaultLocale(Language.RU.locale());
        source.setFallbackToSystemLocale(false);
        // One quoting rule for every text (doubled apostrophes), with or without arguments.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @Bean
    Texts texts(MessageSource messageSource) {
        return new Texts(messageSource);
    }

    @Bean
    BotJson botJson() {
        return new BotJson();
    }

    @Bean
    Clock botClock() {
        return Clock.systemUTC();
    }

    @Bean
    RedisKeys redisKeys(BotProperties properties) {
        return new RedisKeys(properties.bot().redisPrefix());
    }

    @Bean
    SessionStore sessionStore(StringRedisTemplate redis, RedisKeys keys, BotJson json, BotProperties properties) {
        return new SessionStore(redis, keys, json.mapper(), properties.bot().dialogTtl());
    }

    // ---- gateway ----

    @Bean
    GatewayHttp gatewayHttp(BotProperties properties, BotJson json) {
        return new GatewayHttp(properties.gatewayUrl(), properties.bot().gatewayTimeout(), json.mapper());
    }

    @Bean
    ServiceTokens serviceTokens(GatewayHttp http, BotProperties properties, Clock botClock) {
        return new ServiceTokens(http, properties.bot().clientId(), properties.bot().clientSecret(), botClock);
    }

    @Bean
    AuthApi authApi(GatewayHttp http, ServiceTokens serviceTokens) {
        return new AuthApi(http, serviceTokens);
    }

    @Bean
    GatewayFactory gatewayFactory(GatewayHttp http, AuthApi auth, SessionStore sessions, Clock botClock) {
        return new GatewayFactory(http, auth, sessions, botClock);
    }

    // ---- dialog ----

    @Bean
    FlowRegistry flowRegistry(List<Flow> flows) {
        return FlowRegistry.of(flows);
    }

    @Bean
    MainMenus mainMenus(FlowRegistry registry) {
        return new MainMenus(registry);
    }

    @Bean
    Turn.Factory turnFactory(SessionStore sessions, Texts texts, MainMenus menus, Clock botClock,
            BotProperties properties, GatewayFactory gateways) {
        return new Turn.Factory(sessions, texts, menus, botClock, ZoneId.of(properties.bot().defaultTimeZone()),
                gateways::forPerson);
    }

    @Bean
    Router router(FlowRegistry registry, Texts texts, Turn.Factory turns, TelegramDelivery delivery,
            DialogMessages dialogMessages) {
        return new Router(registry, texts, turns, delivery, dialogMessages);
    }

    // ---- telegram ----

    @Bean
    TelegramApi telegramApi(BotProperties properties, BotJson json) {
        String token = properties.telegram().enabled() ? properties.telegram().token().strip() : "";
        return new TelegramApi(properties.telegram().apiUrl(), token, json.mapper());
    }

    @Bean
    BotMetrics botMetrics(MeterRegistry registry, SessionStore sessions) {
        return new BotMetrics(registry, sessions::activeDialogs);
    }

    @Bean
    Recipients recipients(StringRedisTemplate redis, RedisKeys keys) {
        return new Recipients(redis, keys);
    }

    @Bean
    TelegramSendLimits sendLimits(LettuceConnectionFactory connectionFactory, RedisKeys keys,
            BotProperties properties, BotMetrics metrics) {
        BotProperties.Limits limits = properties.telegram().limits();
        return new TelegramSendLimits(connectionFactory, keys.prefix(), new Limits(limits.globalPerSecond(),
                limits.perChatPerSecond(), limits.perChatBurst(), limits.groupPerMinute()), metrics::limitWait);
    }

    @Bean
    TelegramSender telegramSender(TelegramApi api, TelegramSendLimits limits, Recipients recipients, BotMetrics metrics,
            BotProperties properties, Clock botClock) {
        return new TelegramSender(api, limits, recipients, metrics, properties.telegram().retryDelay(),
                properties.telegram().maxRetryDelay(), properties.telegram().sendDeadline(), botClock);
    }

    @Bean
    DialogMessages dialogMessages(StringRedisTemplate redis, RedisKeys keys) {
        return new DialogMessages(redis, keys);
    }

    @Bean
    TelegramDelivery telegramDelivery(TelegramSender sender, UpdateQueue queue, DialogMessages dialogMessages) {
        return new TelegramDelivery(sender, queue, dialogMessages);
    }

    @Bean
    Leases leases(StringRedisTemplate redis, BotProperties properties) {
        return new Leases(redis, properties.bot().lockLease());
    }

    @Bean
    UpdateQueue updateQueue(StringRedisTemplate redis, RedisKeys keys, BotJson json, BotProperties properties) {
        return new UpdateQueue(redis, keys, json.mapper(), properties.bot().updateTtl(), properties.bot().dialogTtl());
    }

    @Bean
    UpdateHandler updateHandler(Router router, TelegramDelivery delivery, Recipients recipients, BotMetrics metrics) {
        return new UpdateHandler(router, delivery, recipients, metrics);
    }

    @Bean
    ChatWorkers chatWorkers(UpdateQueue queue, Leases leases, RedisKeys keys, UpdateHandler handler,
            BotMetrics metrics) {
        return new ChatWorkers(queue, leases, keys, handler, metrics);
    }

    @Bean
    UpdateIntake updateIntake(UpdateQueue queue, ChatWorkers workers, BotMetrics metrics) {
        return new UpdateIntake(queue, workers, metrics);
    }

    @Bean
    PollingState pollingState(BotProperties properties) {
        return new PollingState(properties.telegram().enabled(), properties.telegram().webhook());
    }

    @Bean
    TelegramPolling telegramPolling(TelegramApi api, UpdateIntake intake, Leases leases, RedisKeys keys,
            StringRedisTemplate redis, PollingState state, BotProperties properties) {
        BotProperties.Telegram telegram = properties.telegram();
        return new TelegramPolling(api, intake, leases, keys, redis, state, telegram.pollTimeout(),
                telegram.retryDelay(), telegram.maxRetryDelay(), telegram.token());
    }

    @Bean
    WebhookSecret webhookSecret(BotProperties properties, StringRedisTemplate redis, RedisKeys keys) {
        return new WebhookSecret(properties.telegram().webhookSecret(), properties.telegram().webhook(), redis, keys);
    }

    @Bean
    TelegramRuntime telegramRuntime(BotProperties properties, TelegramApi api, TelegramPolling polling,
            ChatWorkers workers, Leases leases, WebhookSecret secret, PollingState state) {
        return new TelegramRuntime(properties, api, polling, workers, leases, secret, state);
    }

    /** Shown in {@code /health} as the {@code telegram} component. */
    @Bean
    TelegramHealthIndicator telegramHealthIndicator(PollingState state, BotProperties properties) {
        return new TelegramHealthIndicator(state, properties.telegram().apiUrl());
    }
}
