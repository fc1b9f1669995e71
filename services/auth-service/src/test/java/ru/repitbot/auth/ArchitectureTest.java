package ru.repitbot.auth;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.auth");
    }

    @Test
    void asksSharedModulesInsteadOfQueryingTheirTables() {
        ArchitectureRules.checkNoSqlOnSharedTables();
    }
}
