package ru.repitbot.config.web;

import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * A request body may only name fields its endpoint knows: {@code {"duraton_minutes": 90}} is a 400 naming
 * {@code duraton_minutes} ({@link ProblemDetailsAdvice}), not a lesson of the default length. Only the JSON converter
 * that reads requests into controllers is strict; the application's {@code JsonMapper} (and so a {@code RestClient}
 * reading another service's answer) keeps ignoring fields it does not know, so a service may add fields to its
 * answers without breaking its callers. Bodies declared as a {@code Map} or {@code JsonNode} accept any field. The same
 * converter refuses text containing NUL ({@link NulFreeText}).
 */
public class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(StrictRequestBodies::strict);
    }

    static HttpMessageConverter<?> strict(HttpMessageConverter<?> converter) {
        if (converter.getClass() != JacksonJsonHttpMessageConverter.class) {
            return converter;
        }
        JacksonJsonHttpMessageConverter json = (JacksonJsonHttpMessageConverter) converter;
        return new JacksonJsonHttpMessageConverter(json.getMapper().rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(NulFreeText.module()).build());
    }
}
