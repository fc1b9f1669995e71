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
