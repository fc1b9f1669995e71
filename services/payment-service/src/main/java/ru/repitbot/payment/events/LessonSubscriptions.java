package ru.repitbot.payment.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.LessonEvents;

/** The lesson events payment-service consumes, for the charge projection. */
@Configuration(proxyBeanMethods = false)
public class LessonSubscriptions {

    @Bean
    EventSubscription<LessonEvents.Created> chargesOnLessonCreated(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Created.class, projection::onCreated);
    }

    @Bean
    EventSubscription<LessonEvents.Updated> chargesOnLessonUpdated(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Updated.class, projection::onUpdated);
    }

    @Bean
    EventSubscription<LessonEvents.Conducted> chargesOnLessonConducted(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Conducted.class, projection::onConducted);
    }

    @Bean
    EventSubscription<LessonEvents.Cancelled> chargesOnLessonCancelled(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Cancelled.class, projection::onCancelled);
    }

    @Bean
    EventSubscription<LessonEvents.Rescheduled> chargesOnLessonRescheduled(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Rescheduled.class, projection::onRescheduled);
    }

    @Bean
    EventSubscription<LessonEvents.Deleted> chargesOnLessonDeleted(LessonProjection projection) {
        return EventSubscription.on(LessonEvents.Deleted.class, projection::onDeleted);
    }
}
