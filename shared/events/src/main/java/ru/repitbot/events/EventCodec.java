package ru.repitbot.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON of envelopes and payloads: snake_case, ISO dates, unknown fields ignored (consumers tolerate additions). */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Business times keep the offset they were written with (docs/domain/events.md#times-in-events), not re-expressed in UTC.
                .disable(tools.jackson.databind.cfg.DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Money keeps its scale: 12000.50 stays 12000.50.
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Money travels as an exact decimal string ("12000.50") everywhere in the catalogue, inside a
                // change set too, so no consumer reads it through a double.
                .withConfigOverride(java.math.BigDecimal.class, o -> o.setFormat(
                        com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(
                                com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)))
                .build();
    }

    public byte[] encode(EventEnvelope envelope) {
        return mapper.writeValueAsBytes(envelope);
    }

    public String encodeToString(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** @throws tools.jackson.core.JacksonException when the bytes are not an envelope */
    public EventEnvelope decode(byte[] body) {
        return mapper.readValue(body, EventEnvelope.class);
    }

    public EventEnvelope decode(String body) {
        return mapper.readValue(body, EventEnvelope.class);
    }

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        return mapper.treeToValue(envelope.data(), type);
    }
}
