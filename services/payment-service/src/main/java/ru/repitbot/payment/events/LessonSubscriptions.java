package ru.repitbot.payment.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.EventTypes;

/** The lesson events payment-service consumes, for the charge projection. */
@Configuration(proxyBeanMethods = false)
public class LessonSubscriptions {

    @Bean
    EventSubscription chargesOnLessonCreated(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_CREATED, projection::onCreated);
    }

    @Bean
    EventSubscription chargesOnLessonUpdated(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_UPDATED, projection::onUpdated);
    }

    @Bean
    EventSubscription chargesOnLessonConducted(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_CONDUCTED, projection::onConducted);
    }

    @Bean
    EventSubscription chargesOnLessonCancelled(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_CANCELLED, projection::onCancelled);
    }

    @Bean
    EventSubscription chargesOnLessonRescheduled(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_RESCHEDULED, projection::onRescheduled);
    }

    @Bean
    EventSubscription chargesOnLessonDeleted(LessonProjection projection) {
        return EventSubscription.on(EventTypes.LESSON_DELETED, projection::onDeleted);
    }
}
