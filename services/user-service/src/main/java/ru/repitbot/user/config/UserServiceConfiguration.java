package ru.repitbot.user.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.repitbot.access.StudentAccess;
import ru.repitbot.user.db.OwnStudentAccess;
import ru.repitbot.user.domain.AccessCodeGenerator;
import ru.repitbot.user.domain.AccessCodeHasher;
import ru.repitbot.user.domain.Relations;
import ru.repitbot.user.domain.TimeZones;
import ru.repitbot.user.domain.UserAccessPolicy;

/** The rules of user-service as beans, and the settings they need. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserSettings.class)
public class UserServiceConfiguration {

    @Bean
    AccessCodeGenerator accessCodeGenerator() {
        return new AccessCodeGenerator();
    }

    /** The pepper is the installation's {@code SECRET_KEY}; without it codes cannot be stored, so start-up fails. */
    @Bean
    AccessCodeHasher accessCodeHasher(@Value("${repitbot.secret-key:}") String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalStateException(
                    "SECRET_KEY (repitbot.secret-key) must be set: access codes are stored as a keyed hash of it");
        }
        return new AccessCodeHasher(secretKey);
    }

    @Bean
    TimeZones timeZones(UserSettings settings) {
        return new TimeZones(settings.defaultTimeZone());
    }

    @Bean
    UserAccessPolicy userAccessPolicy(Relations relations) {
        return new UserAccessPolicy(relations);
    }

    /** user-service owns the links, so it answers ownership from its own tables (the projection is switched off). */
    @Bean
    StudentAccess studentAccess(JdbcTemplate jdbc) {
        return new OwnStudentAccess(jdbc);
    }
}
