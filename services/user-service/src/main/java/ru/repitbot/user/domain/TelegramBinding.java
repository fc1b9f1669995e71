package ru.repitbot.user.domain;

import java.util.Objects;
import ru.repitbot.models.errors.ConflictException;

/**
 * Binding a Telegram account to the user whose access code it typed (docs/domain/users-and-access.md#q12-a-code-binds-once):
 * <ul>
 *   <li>the code's user has no Telegram account yet: bind it (first use);</li>
 *   <li>the code's user is bound to this very account: fine, nothing changes (logging in again);</li>
 *   <li>the code's user is bound to another account: refused, the code must be reset first;</li>
 *   <li>this account is bound to another user: refused (one Telegram account, one user).</li>
 * </ul>
 */
public final class TelegramBinding {

    /** What to do with an accepted code. */
    public enum Outcome { BIND, ALREADY_BOUND }

    private TelegramBinding() {
    }

    /**
     * @param codeUserTelegramId the Telegram id the code's user is bound to, or null
     * @param telegramId the Telegram id typing the code
     * @param telegramOwnerId the id of the user this Telegram id is bound to, or null
     * @param codeUserId the id of the code's user
     * @throws ConflictException for the two refused cases
     */
    public static Outcome decide(Long codeUserTelegramId, long telegramId, Long telegramOwnerId, long codeUserId) {
        if (codeUserTelegramId != null && codeUserTelegramId != telegramId) {
            throw new ConflictException("This access code is already bound to another Telegram account; "
                    + "ask your tutor to reset it");
        }
        if (telegramOwnerId != null && !Objects.equals(telegramOwnerId, codeUserId)) {
            throw new ConflictException("This Telegram account is already bound to another user");
        }
        return codeUserTelegramId == null ? Outcome.BIND : Outcome.ALREADY_BOUND;
    }
}
