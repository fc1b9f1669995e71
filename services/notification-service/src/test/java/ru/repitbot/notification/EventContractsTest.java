package ru.repitbot.notification;

import org.junit.jupiter.api.Test;
import ru.repitbot.events.contract.EventContracts;

/**
 * The consumer side of the event contracts: what notification-service's handlers read of the events it subscribes
 * to is declared in tests/contracts/events/notification-service.json (the producers' build checks their schemas
 * against it).
 */
class EventContractsTest {

    @Test
    void theDeclarationOfWhatThisServiceReadsIsCurrentAndServed() {
        EventContracts.assertDeclared("notification-service", "ru.repitbot.notification");
    }
}
