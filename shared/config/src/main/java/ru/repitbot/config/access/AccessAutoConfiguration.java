package ru.repitbot.config.access;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.events.EventCodec;
import ru.repitbot.events.EventSubscription;
import ru.repitbot.events.catalogue.UserEvents;

/**
 * The ownership projection of a service that does not own users: subscribes to user-service's events and answers
 * {@link StudentAccess} from its own tables. user-service turns it off and answers from its own data.
 */
@AutoConfiguration(beforeName = "ru.repitbot.events.EventsAutoConfiguration",
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass(EventCodec.class)
@ConditionalOnBean(JdbcTemplate.class)
@ConditionalOnProperty(name = "repitbot.access.projection.enabled", matchIfMissing = true)
public class AccessAutoConfiguration {

    @Bean
    AccessProjection accessProjection(JdbcTemplate jdbc) {
        return new AccessProjection(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    StudentAccess studentAccess(JdbcTemplate jdbc) {
        return new ProjectedStudentAccess(jdbc);
    }

    @Bean
    EventSubscription<UserEvents.Created> accessOnUserCreated(AccessProjection projection) {
        return EventSubscription.on(UserEvents.Created.class, projection::onCreated);
    }

    @Bean
    EventSubscription<UserEvents.Updated> accessOnUserUpdated(AccessProjection projection) {
        return EventSubscription.on(UserEvents.Updated.class, projection::onUpdated);
    }

    @Bean
    EventSubscription<UserEvents.Deleted> accessOnUserDeleted(AccessProjection projection) {
        return EventSubscription.on(UserEvents.Deleted.class, projection::onDeleted);
    }

    @Bean
    EventSubscription<UserEvents.Linked> accessOnUserLinked(AccessProjection projection) {
        return EventSubscription.on(UserEvents.Linked.class, projection::onLinked);
    }

    @Bean
    EventSubscription<UserEvents.Unlinked> accessOnUserUnlinked(AccessProjection projection) {
        return EventSubscription.on(UserEvents.Unlinked.class, projection::onUnlinked);
    }
}
