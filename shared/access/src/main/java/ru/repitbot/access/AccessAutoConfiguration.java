package ru.repitbot.access;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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
 * The access projection of a service that does not own users: subscribes to user-service's events, keeps
 * {@code access_user}/{@code access_link} (shared migration {@code db/shared/V0_3__access_projection.sql}) and
 * answers {@link AccessDirectory} and {@link StudentAccess} from them. user-service turns it off
 * ({@code repitbot.access.projection.enabled=false}) and answers from its own data.
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

    /**
     * How long a request waits for the {@code user.created} of an id the projection does not know, how long such an
     * id is then answered as unknown without waiting, and how many requests may wait at once ({@link LateUsers}).
     */
    @Bean
    LateUsers lateUsers(JdbcTemplate jdbc,
            @Value("${repitbot.access.late-users.timeout:2s}") Duration timeout,
            @Value("${repitbot.access.late-users.remember-unknown:30s}") Duration rememberUnknown,
            @Value("${repitbot.access.late-users.max-waiting:8}") int maxWaiting) {
        return new LateUsers(jdbc, timeout, rememberUnknown, maxWaiting);
    }

    @Bean
    AccessDirectory accessDirectory(JdbcTemplate jdbc, LateUsers lateUsers) {
        return new AccessDirectory(jdbc, lateUsers);
    }

    @Bean
    @ConditionalOnMissingBean
    StudentAccess studentAccess(AccessDirectory directory) {
        return new ProjectedStudentAccess(directory);
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
