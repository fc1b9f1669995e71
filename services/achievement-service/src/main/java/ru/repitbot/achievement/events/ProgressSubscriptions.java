package ru.repitbot.achievement.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.HomeworkEvents;
import ru.repitbot.events.catalogue.LessonEvents;

/** The lesson and homework events achievement-service consumes, for points, streaks and study time. */
@Configuration(proxyBeanMethods = false)
public class ProgressSubscriptions {

    @Bean
    EventSubscription<LessonEvents.Created> progressOnLessonCreated(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Created.class, projection::onLessonCreated);
    }

    @Bean
    EventSubscription<LessonEvents.Updated> progressOnLessonUpdated(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Updated.class, projection::onLessonUpdated);
    }

    @Bean
    EventSubscription<LessonEvents.Conducted> progressOnLessonConducted(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Conducted.class, projection::onLessonConducted);
    }

    @Bean
    EventSubscription<LessonEvents.Cancelled> progressOnLessonCancelled(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Cancelled.class, projection::onLessonCancelled);
    }

    @Bean
    EventSubscription<LessonEvents.Rescheduled> progressOnLessonRescheduled(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Rescheduled.class, projection::onLessonRescheduled);
    }

    @Bean
    EventSubscription<LessonEvents.Deleted> progressOnLessonDeleted(ProgressProjection projection) {
        return EventSubscription.on(LessonEvents.Deleted.class, projection::onLessonDeleted);
    }

    @Bean
    EventSubscription<HomeworkEvents.Checked> progressOnHomeworkChecked(ProgressProjection projection) {
        return EventSubscription.on(HomeworkEvents.Checked.class, projection::onHomeworkChecked);
    }
}
