package ru.repitbot.user.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of user-service ({@code repitbot.users.*}).
 *
 * @param defaultTimeZone the zone of users created without one and without a tutor to inherit from
 * @param admin the first admin, created on start-up when no admin exists
 */
@ConfigurationProperties("repitbot.users")
public record UserSettings(String defaultTimeZone, Admin admin) {

    public UserSettings {
        defaultTimeZone = defaultTimeZone == null || defaultTimeZone.isBlank() ? "Europe/Kaliningrad"
                : defaultTimeZone.strip();
        admin = admin == null ? new Admin(null, null) : admin;
    }

    /**
     * @param accessCode {@code ADMIN_ACCESS_CODE}; no admin is created without it
     * @param fullName {@code ADMIN_FULL_NAME}
     */
    public record Admin(String accessCode, String fullName) {

        public Admin {
            accessCode = accessCode == null || accessCode.isBlank() ? null : accessCode;
            fullName = fullName == null || fullName.isBlank() ? "Администратор" : fullName;
        }
    }
}
