package ru.repitbot.auth.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.repitbot.auth.client.UserServiceClient;
import ru.repitbot.auth.client.UserServiceClient.BoundElsewhere;
import ru.repitbot.auth.client.UserServiceClient.Verified;
import ru.repitbot.auth.client.UserServiceClient.WrongCode;
import ru.repitbot.auth.domain.AccessCodeFormat;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ConflictException;
import ru.repitbot.models.errors.UnauthorizedException;

/**
 * Login with an access code (contracts.md "Login"): format first (400), then the lock-out (429), then user-service
 * decides (wrong code 401 and counted, bound elsewhere 409, unavailable 503); a right code starts a session.
 */
@Service
public class Logins {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);

    private final LoginThrottle throttle;
    private final UserServiceClient users;
    private final Sessions sessions;

    public Logins(LoginThrottle throttle, UserServiceClient users, Sessions sessions) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
    }

    /**
     * @param sourceAddress the caller's address, or {@code null} when it is not counted (trusted service caller)
     */
    public Sessions.Tokens login(String rawCode, long telegramId, String username, String sourceAddress) {
        String code = AccessCodeFormat.normalize(rawCode);
        LoginThrottle.Subjects subjects = new LoginThrottle.Subjects(telegramId, sourceAddress);
        throttle.checkAllowed(subjects);
        return switch (users.verify(code, telegramId, blankToNull(username))) {
            case Verified v -> {
                Role role = role(v.role());
                throttle.reset(telegramId);
                // Telegram ids are personal data a log never needs: the user id is enough to follow a login.
                log.info("Login of user {} ({})", v.userId(), role);
                yield sessions.start(v.userId(), telegramId, role, v.fullName());
            }
            case WrongCode w -> {
                throttle.recordWrongCode(subjects);
                throw new UnauthorizedException("Wrong access code");
            }
            case BoundElsewhere b -> throw new ConflictException(b.detail() != null ? b.detail()
                    : "This access code belongs to an account bound to another Telegram account; ask your tutor "
                            + "to reset the code");
        };
    }

    private static Role role(String value) {
        try {
            return Role.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw new DependencyUnavailableException("user-service", "unknown role '" + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
