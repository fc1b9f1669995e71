package ru.repitbot.homework;

import org.junit.jupiter.api.Test;
import ru.repitbot.events.contract.EventContracts;

/**
 * The consumer side of the event contracts: what homework-service's handlers read of the events it subscribes to is
 * declared in tests/contracts/events/homework-service.json (the producers' build checks their schemas against it).
 */
class EventContractsTest {

    @Test
    void theDeclarationOfWhatThisServiceReadsIsCurrentAndServed() {
        EventContracts.assertDeclared("homework-service", "ru.repitbot.homework");
    }
}
