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
import ru.repitbot.events.catalogue.EventTypes;

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
        return new AccessProjection(jdbc, new EventCodec());
    }

    @Bean
    @ConditionalOnMissingBean
    StudentAccess studentAccess(JdbcTemplate jdbc) {
        return new ProjectedStudentAccess(jdbc);
    }

    @Bean
    EventSubscription accessOnUserCreated(AccessProjection projection) {
        return EventSubscription.on(EventTypes.USER_CREATED, projection::onCreated);
    }

    @Bean
    EventSubscription accessOnUserUpdated(AccessProjection projection) {
        return EventSubscription.on(EventTypes.USER_UPDATED, projection::onUpdated);
    }

    @Bean
    EventSubscription accessOnUserDeleted(AccessProjection projection) {
        return EventSubscription.on(EventTypes.USER_DELETED, projection::onDeleted);
    }

    @Bean
    EventSubscription accessOnUserLinked(AccessProjection projection) {
        return EventSubscription.on(EventTypes.USER_LINKED, projection::onLinked);
    }

    @Bean
    EventSubscription accessOnUserUnlinked(AccessProjection projection) {
        return EventSubscription.on(EventTypes.USER_UNLINKED, projection::onUnlinked);
    }
}
