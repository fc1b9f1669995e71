package ru.repitbot.events.catalogue;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a date-time of the catalogue whose offset must survive the wire: events carry business times with their
 * offset (the student's zone, docs/domain/events.md#times-in-events), and a consumer decoding {@code 2025-03-03T16:30:00+02:00} must get
 * that, not the same instant re-expressed in UTC (Jackson's default when reading an {@code OffsetDateTime}).
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
public @interface WireDateTime {
}
