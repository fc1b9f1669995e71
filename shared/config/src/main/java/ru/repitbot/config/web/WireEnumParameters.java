package ru.repitbot.config.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import ru.repitbot.models.WireEnum;
import ru.repitbot.models.WireValues;

/**
 * Query and path parameters of a wire enum ({@code ?status=pending}, {@code ?role=tutor}) are read by their wire
 * value, as in JSON, for every wire enum of every service; an unknown value is a 400 naming the parameter and the
 * allowed values (the enum's own message).
 */
public final class WireEnumParameters implements ConverterFactory<String, WireEnum> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends WireEnum> Converter<String, T> getConverter(Class<T> targetType) {
        // Every WireEnum is an enum (the interface is only implemented by the wire enums of ru.repitbot.models).
        Class raw = targetType;
        return source -> source.isBlank() ? null : (T) WireValues.parse(raw, source);
    }
}
