package ru.repitbot.payment;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.payment");
    }

    @Test
    void asksSharedModulesInsteadOfQueryingTheirTables() {
        ArchitectureRules.checkNoSqlOnSharedTables();
    }
}
