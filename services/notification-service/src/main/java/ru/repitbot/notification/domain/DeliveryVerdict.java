package ru.repitbot.notification.domain;

import java.time.Instant;

/** What the delivery engine does with a queued message after an attempt. */
public sealed interface DeliveryVerdict {

    record Sent(long telegramMessageId) implements DeliveryVerdict {
    }

    /**
     * Try again at {@code at}. {@code countsAsAttempt} is false for Telegram's own flood control (429): waiting
     * {@code retry_after} is the rule, not a failure of this message, so it does not bring "give up" nearer.
     */
    record RetryAt(Instant at, String reason, boolean countsAsAttempt) implements DeliveryVerdict {
    }

    /** The person cannot be reached: mark them (the tutor sees it), do not retry, send them nothing until they return. */
    record Unreachable(UnreachableReason reason, String description) implements DeliveryVerdict {
    }

    /** Given up on this message: a request Telegram will never accept, or the attempts ran out. */
    record Failed(String reason) implements DeliveryVerdict {
    }

    enum UnreachableReason {
        /** 403 "bot was blocked by the user". */
        BLOCKED("blocked"),
        /** 403 "user is deactivated": the Telegram account was deleted. */
        DEACTIVATED("deactivated"),
        /** 403 "bot can't initiate conversation with a user": the person never pressed Start. */
        NEVER_STARTED("never_started"),
        /** 400 "chat not found" (or an invalid peer): the stored chat id leads nowhere. */
        CHAT_NOT_FOUND("chat_not_found");

        private final String value;

        UnreachableReason(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }
}
