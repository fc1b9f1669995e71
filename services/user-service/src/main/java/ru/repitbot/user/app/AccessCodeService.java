package ru.repitbot.user.app;

import ru.repitbot.user.api.VerifyAccessCodeRequest;
import ru.repitbot.user.api.VerifyAccessCodeResponse;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.repitbot.models.errors.ForbiddenException;
import ru.repitbot.models.errors.InvalidFieldException;
import ru.repitbot.models.errors.NotFoundException;
import ru.repitbot.user.db.UserRepository;
import ru.repitbot.user.domain.AccessCode;
import ru.repitbot.user.domain.AccessCodeHasher;
import ru.repitbot.user.domain.Actor;
import ru.repitbot.events.catalogue.UserChanges;
import ru.repitbot.user.domain.TelegramBinding;
import ru.repitbot.user.domain.TelegramUsername;
import ru.repitbot.user.domain.User;
import ru.repitbot.user.events.UserEventPublisher;

/** Login's half in user-service: find the code's user and bind the Telegram account (contracts "Login"). */
@Service
public class AccessCodeService {

    private final UserRepository users;
    private final AccessCodeHasher hasher;
    private final UserEventPublisher events;
    private final Clock clock;

    public AccessCodeService(UserRepository users, AccessCodeHasher hasher, UserEventPublisher events,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws ForbiddenException for anything but a service token
     * @throws NotFoundException when no user has the code
     * @throws ru.repitbot.models.errors.ConflictException when the binding rules refuse
     */
    @Transactional
    public VerifyAccessCodeResponse verify(Actor actor, VerifyAccessCodeRequest request) {
        if (!actor.isService()) {
            throw new ForbiddenException("Only services verify access codes");
        }
        String code = AccessCode.parse(request.accessCode()).orElseThrow(() -> new InvalidFieldException(
                "access_code", "must be 6 to 10 of A-Z and 0-9"));
        long telegramId = request.telegramId();
        User user = users.lockByAccessCodeHash(hasher.hash(code))
                .orElseThrow(() -> new NotFoundException("access", "code"));
        Long owner = users.findByTelegramId(telegramId).map(User::id).orElse(null);
        TelegramBinding.decide(user.telegramId(), telegramId, owner, user.id());
        UserChanges changes = user.bindTelegram(telegramId, usernameOrNull(request.username()), clock.instant());
        users.saveAndFlush(user);
        events.updated(user, changes);
        return new VerifyAccessCodeResponse(user.id(), user.role(), user.fullName());
    }

    /** Telegram's own value: kept when it looks like a username, dropped (not refused) otherwise. */
    private static String usernameOrNull(String raw) {
        try {
            return TelegramUsername.normalise(raw);
        } catch (InvalidFieldException e) {
            return null;
        }
    }
}
