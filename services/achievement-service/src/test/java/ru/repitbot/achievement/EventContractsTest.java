package ru.repitbot.achievement;

import org.junit.jupiter.api.Test;
import ru.repitbot.events.contract.EventContracts;

/**
 * The consumer side of the event contracts: what achievement-service's handlers read of the lesson and homework events
 * is declared in tests/contracts/events/achievement-service.json (the producers' build checks their schemas against
 * it).
 */
class EventContractsTest {

    @Test
    void theDeclarationOfWhatThisServiceReadsIsCurrentAndServed() {
        EventContracts.assertDeclared("achievement-service", "ru.repitbot.achievement");
    }
}
