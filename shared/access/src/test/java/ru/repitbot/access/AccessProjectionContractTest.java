package ru.repitbot.access;

import org.junit.jupiter.api.Test;
import ru.repitbot.events.contract.EventContracts;

/**
 * The consumer side of the event contracts for the access projection every service but user-service runs: what it
 * reads of user-service's events is declared in tests/contracts/events/access-projection.json.
 */
class AccessProjectionContractTest {

    @Test
    void theDeclarationOfWhatTheProjectionReadsIsCurrentAndServed() {
        EventContracts.assertDeclared("access-projection", "ru.repitbot.access");
    }
}
