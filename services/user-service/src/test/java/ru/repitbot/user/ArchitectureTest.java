package ru.repitbot.user;

import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.checkDomainIsPlain("ru.repitbot.user");
    }

    @Test
    void asksSharedModulesInsteadOfQueryingTheirTables() {
        ArchitectureRules.checkNoSqlOnSharedTables();
    }
}
