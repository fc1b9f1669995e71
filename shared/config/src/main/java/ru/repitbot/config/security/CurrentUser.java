package ru.repitbot.config.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import ru.repitbot.models.Role;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.UnauthorizedException;

/**
 * The caller of a request, from its access token: a user (id + role) or another service (client credentials; role
 * {@code null}, {@link #service()} set). Declare it as a controller parameter to receive it.
 */
public record CurrentUser(long id, Role role, String service) {

    public static final String ROLE_CLAIM = "role";
    public static final String SERVICE_ROLE = "service";
    public static final String SERVICE_SUBJECT_PREFIX = "service:";

    public static CurrentUser fromJwt(Jwt jwt) {
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (SERVICE_ROLE.equals(role)) {
            String subject = jwt.getSubject() == null ? "" : jwt.getSubject();
            return new CurrentUser(0, null, subject.replaceFirst("^" + SERVICE_SUBJECT_PREFIX, ""));
        }
        try {
            return new CurrentUser(Long.parseLong(jwt.getSubject()), Role.fromValue(role), null);
        } catch (RuntimeException e) {
            throw new UnauthorizedException("token has no valid subject or role");
        }
    }

    /** The caller of the current request, if it came with a valid token. */
    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return Optional.of(fromJwt(token.getToken()));
        }
        return Optional.empty();
    }

    public boolean isService() {
        return service != null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** Admins and services see everything. */
    public boolean seesEverything() {
        return isService() || role == Role.ADMIN;
    }

    /** @throws ForbiddenException when the caller has none of {@code allowed} (services always pass) */
    public CurrentUser require(Role... allowed) {
        if (isService()) {
            return this;
        }
        for (Role r : allowed) {
            if (r == role) {
                return this;
            }
        }
        throw new ForbiddenException("this needs role " + java.util.Arrays.toString(allowed) + ", caller is " + role);
    }

    /** Value for the {@code user_id} of events and logs. */
    public String actorId() {
        return isService() ? SERVICE_SUBJECT_PREFIX + service : Long.toString(id);
    }
}
