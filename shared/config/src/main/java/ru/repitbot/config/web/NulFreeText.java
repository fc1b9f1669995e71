package ru.repitbot.config.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request body may not contain the NUL character: PostgreSQL cannot store it in a text column, so it would
 * otherwise surface as a database error (a misleading 409) after validation said yes. Refused while reading the body,
 * it is a 400 naming the field, like every other bad value ({@link ProblemDetailsAdvice}).
 */
final class NulFreeText extends StringDeserializer {

    /** The reason a 400 gives for such a field. */
    static final String REASON = "must not contain the NUL character (\\u0000)";

    static SimpleModule module() {
        return new SimpleModule("repitbot-nul-free-text").addDeserializer(String.class, new NulFreeText());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            // Jackson wraps it with the field's path; the advice gives an IllegalArgumentException's message as the
            // reason, as it does for wire enums.
            throw new IllegalArgumentException(REASON);
        }
        return value;
    }
}
