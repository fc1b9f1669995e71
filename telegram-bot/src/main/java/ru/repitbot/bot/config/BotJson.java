package ru.repitbot.bot.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's JSON: snake_case like the Bot API and the gateway, unknown fields ignored (both add fields over time),
 * nulls left out of what the bot sends (Telegram reads {@code "reply_markup": null} as a bad markup; a PATCH to the
 * gateway reads an absent field as "unchanged"). Deliberately not a {@code JsonMapper} bean: Boot's own mapper (for
 * /health and /metrics) stays as shared/config sets it.
 */
public final class BotJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public JsonMapper mapper() {
        return mapper;
    }
}
